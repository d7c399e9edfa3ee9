package jp.tsunagu.support.problem;

import jp.tsunagu.contract.codes.ReviewRules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Problem documents for people who read Japanese: the title by status, and the detail and each field's message by a
 * table of the messages the services write (a message not in the table stays as written). Codes for programs never
 * change: {@code type}, {@code status}, {@code instance} and each error's {@code field} are the same in both
 * languages. Plain Java.
 */
public final class ProblemJapanese {

    private ProblemJapanese() {
    }

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "入力内容に誤りがあります"), Map.entry(401, "認証が必要です"),
            Map.entry(403, "権限がありません"), Map.entry(404, "見つかりません"),
            Map.entry(405, "この操作はできません"), Map.entry(406, "指定の形式では返せません"),
            Map.entry(409, "現在の状態ではこの操作はできません"), Map.entry(410, "削除済みです"),
            Map.entry(411, "送信データの長さの指定が必要です"),
            Map.entry(413, "送信データが大きすぎます"), Map.entry(415, "送信データの形式が違います"),
            Map.entry(422, "処理できない内容です"), Map.entry(429, "リクエストが多すぎます"),
            Map.entry(500, "システムエラー"), Map.entry(503, "一時的に利用できません"));

    /** English message → Japanese, tried in order; {@code $1}… are the message's own values (codes, numbers, dates). */
    private static final List<Map.Entry<Pattern, String>> MESSAGES = List.of(
            rule("required; one of (.+)", "必須です。次のいずれかを指定してください: $1"),
            rule("the identity provider cannot be reached to verify this token; try again shortly",
                    "認証基盤（IdP）に接続できず、トークンを確認できません。しばらくしてから再度お試しください"),
            rule("required \\(YYYY-MM-DD\\)", "必須です（YYYY-MM-DD の日付）"),
            rule("required: true or false", "必須です（true または false）"),
            rule("true or false", "true または false で指定してください"),
            rule("a whole number of years, e.g. 70", "年齢は 70 のような整数で指定してください"),
            rule("required for (\\w+)", "$1 の場合は必須です"),
            rule("required when declining", "辞退する場合は必須です"),
            rule("required(: .*)?", "必須です"),
            rule("codes are written in capitals: (\\w+) \\(one of (.+)\\)",
                    "コードは大文字で指定してください: $1（次のいずれか: $2）"),
            rule("required \\(YYYY-MM-DD or 和暦 such as 昭和19年4月2日\\)",
                    "必須です（YYYY-MM-DD または 昭和19年4月2日 のような和暦）"),
            rule("a date YYYY-MM-DD or 和暦 such as .*",
                    "YYYY-MM-DD または 昭和19年4月2日・S19.4.2 のような和暦で指定してください"),
            rule("6-20 characters of digits, spaces, \\+, -, \\( and \\)",
                    "電話番号は数字・空白・+・-・( ) の6〜20文字で指定してください"),
            rule("unknown code; one of (.+)", "不明なコードです。次のいずれかを指定してください: $1"),
            rule("one of (.+)", "次のいずれかを指定してください: $1"),
            rule("at most (\\d+) characters", "$1文字以内で入力してください"),
            rule("must be between (\\d+) and (\\d+)", "$1から$2の間で指定してください"),
            rule("must be a date YYYY-MM-DD", "YYYY-MM-DD 形式の日付で指定してください"),
            rule("an instant with its offset, e\\.g\\. (\\S+) or (\\S+)",
                    "時差付きの日時で指定してください（例: $1 または $2）"),
            rule("a time HH:MM", "HH:MM 形式の時刻で指定してください"),
            rule("must not be before the case was received \\((.+)\\)", "相談受付日（$1）より前の日付は指定できません"),
            rule("must not be after today \\((.+), Japan\\)", "今日（$1）より後の日付は指定できません"),
            rule("heldOn must not be before the case was received \\((.+)\\)",
                    "開催日がこのケースの相談受付日（$1）より前です"),
            rule("must be after startTime", "開始時刻より後にしてください"),
            rule("must be after the day the meeting was held \\((.+)\\)", "会議の開催日（$1）より後にしてください"),
            rule("not an agency of this municipality.*", "この自治体の機関ではありません（GET /agencies で確認できます）"),
            rule("no such case in this municipality", "この自治体にそのケースはありません"),
            rule("unknown field; .*", "不明な項目です（使える項目は /q/openapi に記載しています）"),
            rule("expected (\\w+)", "値の型が違います（$1 が必要です）"),
            rule("wrong JSON type", "JSON の型が違います"),
            rule("cannot be read", "読み取れません"),
            rule("control characters are not accepted|must not contain control characters",
                    "制御文字は使えません"),
            rule("holds no kana", "かなが含まれていません"),
            rule("write the name in kana \\(hiragana or katakana\\), not in kanji or letters",
                    "ふりがな（ひらがな・カタカナ）で入力してください"),
            rule("the same case twice in one (minutes|amendment)", "同じケースが2回指定されています"),
            rule("the amendment changes nothing in the minutes \\(version (\\d+)\\)",
                    "訂正内容が議事録（第$1版）と同じです"),
            rule("the day a meeting was held is not corrected by an amendment.*",
                    "会議の開催日は訂正できません"),
            rule("birthDate or age is required.*", "生年月日または年齢が必要です"),
            rule("at least one concern code is required.*", "相談内容のコードを1つ以上指定してください（該当なしは OTHER）"),
            rule("an agency may only refer as itself", "機関は自機関としてのみつなぐことができます"),
            // the answers JAX-RS gives itself (ProblemMappers.web: the reason phrase as the detail)
            rule("Not Found", "このアドレスには何もありません"),
            rule("Method Not Allowed", "このアドレスではこのメソッドは使えません"),
            rule("Not Acceptable", "Accept で指定された形式では返せません"),
            rule("Bad Request", "リクエストが正しくありません"),
            // strict input (JsonBodies, StrictJson, QueryParams, TextSafety, Params.name)
            rule("unknown field", "不明な項目です"),
            rule("unknown query parameter", "不明なクエリパラメーターです（使えるパラメーターは /q/openapi に記載しています）"),
            rule("wrong type", "値の型が違います"),
            rule("holds a lone surrogate \\(half a character\\)", "不完全な文字（対になっていないサロゲート）が含まれています"),
            rule("must not contain invisible formatting characters.*",
                    "見えない書式文字（文字の向きを変える制御文字・ゼロ幅文字・行区切り文字）は使えません"),
            rule("must be a JSON number, not text \\(no quotes\\)", "数値で指定してください（引用符で囲んだ文字列ではなく）"),
            rule("must be a whole number", "整数で指定してください"),
            rule("is too large a number", "大きすぎる数値です"),
            rule("must be an object", "オブジェクトで指定してください"),
            rule("send the body as JSON with Content-Type: application/json",
                    "本文は Content-Type: application/json を付けて JSON で送ってください"),
            rule("something follows the end of the JSON body", "JSON の本文の後ろに余分なデータがあります"),
            rule("a key is given twice in one object \\(line (-?\\d+), column (-?\\d+)\\)",
                    "同じキーが1つのオブジェクトに2回あります（$1行目 $2文字目）"),
            rule("the body does not fit the schema", "本文の形式が仕様と合いません"),
            // intake
            rule("1-64 letters, digits, '\\.', '_' or '-'", "英数字と . _ - の1〜64文字で指定してください"),
            rule("does not match birthDate on receivedOn", "受付日時点の生年月日から計算した年齢と一致しません"),
            rule("gives an age over (\\d+)", "年齢が$1歳を超えます"),
            rule("at most (\\d+) members", "$1人以内にしてください"),
            rule("must be on or after (.+)", "$1 以降の日付にしてください"),
            rule("must not be after receivedOn", "受付日（receivedOn）より後の日付は指定できません"),
            rule("must not be before receivedFrom", "receivedFrom より前の日付は指定できません"),
            rule("must not be in the future", "未来の日付は指定できません"),
            rule("required; known areas of (.+?): (.+)", "必須です。$1の地区: $2"),
            rule("unknown area; known areas of (.+?): (.+)", "不明な地区です。$1の地区: $2"),
            rule("this municipality has no Tsunagu data; known: (.+)",
                    "この自治体の Tsunagu のデータがありません。対象の自治体: $1"),
            rule("a fiscal year such as 2026, R8 or 令和8年度", "年度は 2026・R8・令和8年度 のように指定してください"),
            rule("a case number such as R8-000123", "受付番号は R8-000123 のように指定してください"),
            rule("another case than this one", "このケース以外のケースを指定してください"),
            rule("case (\\S+) was already joined to case (\\S+) as a duplicate; it is not decided again",
                    "ケース $1 はすでにケース $2 に重複として統合されています。もう一度判断することはできません"),
            rule("case (\\S+) was itself joined to case (\\S+): decide against that case",
                    "ケース $1 はケース $2 に統合されています。そちらのケースについて判断してください"),
            rule("case (\\S+) has a plan running: close it \\(終結\\) before joining the case to another",
                    "ケース $1 には実施中のプランがあります。統合する前にプランを終結してください"),
            rule("a possible duplicate of case (\\S+) was not found", "ケース $1 の重複の可能性のある案件は見つかりません"),
            rule("received or changed", "received または changed を指定してください"),
            rule("the Idempotency-Key header is required \\(1-255 printable ASCII characters\\); send the same key "
                    + "when you retry", "Idempotency-Key ヘッダーが必要です（表示可能な ASCII 文字で1〜255文字）。"
                    + "再試行するときは同じキーを送ってください"),
            rule("the Idempotency-Key header must be 1-255 printable ASCII characters",
                    "Idempotency-Key ヘッダーは表示可能な ASCII 文字で1〜255文字にしてください"),
            rule("a request with this Idempotency-Key is still being processed; retry shortly",
                    "この Idempotency-Key のリクエストはまだ処理中です。少し待ってから再試行してください"),
            rule("this Idempotency-Key was already used with a different body; use a new key for a new request",
                    "この Idempotency-Key は別の内容ですでに使われています。新しいリクエストには新しいキーを使ってください"),
            rule("the person's data of the case this request made was erased \\(DELETE /persons\\); the request is "
                    + "not repeated", "このリクエストで作成されたケースの本人データは削除されています（DELETE /persons）。"
                    + "リクエストは繰り返されません"),
            rule("the person of case (\\S+) was erased: their details no longer exist",
                    "ケース $1 の本人のデータは削除されています（詳細はもうありません）"),
            rule("the person of case (.+) was erased: nothing more may be written about them \\(counts and dates "
                    + "stay\\)", "ケース $1 の本人のデータは削除されています。これ以上は記録できません（件数と日付は残ります）"),
            rule("the (\\w+) could not be recorded durably \\(error (\\S+)\\); nothing was kept: retry with the same "
                    + "Idempotency-Key", "{1}を確実に記録できませんでした（エラー $2）。何も保存されていません。"
                    + "同じ Idempotency-Key で再試行してください"),
            rule("referral", "相談の受付"),
            rule("consent", "同意"),
            rule("erasure", "削除"),
            // the caller (CurrentCaller) and pages (PageCursor)
            rule("municipality (\\S+) is not served by this Tsunagu", "自治体 $1 はこの Tsunagu の対象ではありません"),
            rule("agency (\\S+) is not in the current directory of municipality (\\S+)",
                    "機関 $1 は自治体 $2 の現在の機関名簿にありません"),
            rule("cursor is not one this list gave out: start again without it",
                    "この一覧が発行したカーソルではありません。cursor を付けずに最初から読み直してください"),
            rule("the cursor belongs to sort=(\\w+): use it with the same sort \\(and filters\\) it came from",
                    "このカーソルは sort=$1 のものです。発行されたときと同じ sort（と絞り込み条件）で使ってください"),
            // routing
            rule("the case is (\\w+), not waiting for acceptance", "このケースは $1 の状態で、受理の回答を待っていません"),
            rule("state must be awaiting, accepted, declined, expired, joined or all",
                    "state は awaiting・accepted・declined・expired・joined・all のいずれかを指定してください"),
            rule("case (\\S+) was joined to an earlier case of the same person as a duplicate; no answer is awaited "
                    + "any more", "ケース $1 は同一人物の先の案件に重複として統合されたため、回答は不要になりました"),
            rule("case (\\S+) was joined to an earlier case of the same person as a duplicate: it is not discussed on "
                    + "its own", "ケース $1 は同一人物の先の案件に重複として統合されたため、単独では会議で検討しません"),
            rule("case (\\S+) was joined to an earlier case of the same person as a duplicate: review that case "
                    + "instead", "ケース $1 は同一人物の先の案件に重複として統合されました。統合先の案件を検討してください"),
            rule("sort must be newest or due", "sort は newest または due を指定してください"),
            rule("overdue=true lists cases still awaiting an answer: use it with state=awaiting \\(the default\\)",
                    "overdue=true は回答待ちのケースを一覧します。state=awaiting（既定）と一緒に使ってください"),
            rule("an agency reads its own inbox only", "機関は自機関の受信箱だけを読めます"),
            rule("a coordinator names the agency: \\?agency=<agency id>",
                    "コーディネーターは機関を指定してください: ?agency=<機関ID>"),
            rule("an agency holds at most (\\d+) subscriptions: delete one first",
                    "1つの機関が持てる購読は$1件までです。先に1件削除してください"),
            // meeting
            rule("case (\\S+): its outcome (\\S+) already changed the case's plans; correct the plan itself "
                    + "\\(a 再プラン or its closure\\) rather than the minutes", "ケース $1: 結果 $2 はすでにケースの"
                    + "プランを変えています。議事録ではなくプラン自体（再プランまたは終結）を訂正してください"),
            rule("case (\\S+): the plan was made with these roles and review date; change them through the plan "
                    + "\\(a 再プラン\\)", "ケース $1: プランはこの役割と見直し日で作られています。変更はプラン（再プラン）"
                    + "で行ってください"),
            rule("meeting (\\S+) has no minutes yet: record them with POST /meetings/\\{meetingId\\}/minutes",
                    "会議 $1 の議事録はまだありません。POST /meetings/{meetingId}/minutes で記録してください"),
            rule("minutes for this meeting were already recorded \\(held on (.+)\\); a meeting is held once: correct "
                    + "its minutes with POST /meetings/\\{meetingId\\}/minutes/amendments", "この会議の議事録は記録済み"
                    + "です（開催日 $1）。会議の開催は1回です。議事録の訂正は POST /meetings/{meetingId}/minutes/"
                    + "amendments で行ってください"),
            rule("not a case reviewed in these minutes \\(a case left out is reviewed at its next meeting\\)",
                    "この議事録で検討されたケースではありません（検討されなかったケースは次の会議で検討します）"),
            rule("the case is not on this meeting's agenda: say why it is reviewed \\(it is recorded as an ad-hoc "
                    + "review\\)", "このケースはこの会議の議題にありません。検討する理由を記入してください（臨時の検討"
                    + "として記録します）"),
            rule("wish, goals and reviewOn belong to a PLAN or REPLAN outcome",
                    "wish・goals・reviewOn は結果が PLAN または REPLAN のときだけ指定できます"),
            // meeting: which meeting discusses a case (AgendaDecider), when and where, who attended
            rule("not waiting for a meeting \\(not escalated to multi-agency coordination, or already reviewed\\); a "
                    + "case not on the agenda is reviewed in the minutes with a reason", "会議を待っているケースではあり"
                    + "ません（多機関協働事業に移っていないか、検討済みです）。議題にないケースは、議事録で理由を付けて"
                    + "検討できます"),
            rule("meeting (\\S+) was held on (\\S+): its agenda is closed",
                    "会議 $1 は $2 に開催済みです（議題は締め切られています）"),
            rule("meeting (\\S+) was scheduled for (\\S+), which has passed", "会議 $1 の予定日（$2）は過ぎています"),
            rule("a (\\S+) cannot discuss it: its consent is (\\S+) \\((\\w+)\\) and it waits for a (\\S+)",
                    "$1では検討できません。本人同意は「$2」で、$4を待っているケースです"),
            rule("meeting (\\S+) is another municipality's", "会議 $1 は他の自治体の会議です"),
            // meeting: households (世帯) on agendas and in minutes (HouseholdAgenda, HouseholdMinutes)
            rule("household (\\S+): no member case waits for a review \\(each must be escalated to multi-agency "
                    + "coordination and not yet reviewed\\)", "世帯 $1 には会議を待っている案件がありません（多機関協働"
                    + "事業に移り、まだ検討していない案件だけを議題に追加できます）"),
            rule("not a household item on this meeting's agenda", "この会議の議題にある世帯ではありません"),
            rule("the same household twice in one minutes", "同じ世帯が2回指定されています"),
            rule("none of the household's cases is reviewed in these minutes",
                    "この議事録では、この世帯の案件を検討していません"),
            rule("must be after startsAt", "開始時刻より後にしてください"),
            rule("give agencyId or organisation, not both", "所属機関（agencyId）と所属（organisation）はどちらか一方を"
                    + "指定してください"),
            rule("required with an organisation", "所属（organisation）を指定するときは氏名が必要です"),
            // planning
            rule("a (.+) is changed by its 重層的支援会議 or a coordinator",
                    "$1を変更できるのは、その重層的支援会議またはコーディネーターです"),
            rule("a (.+) is changed by the responsible provider or a coordinator",
                    "$1を変更できるのは、担当の支援機関またはコーディネーターです"),
            rule("a (.+) is written by the responsible provider or a coordinator",
                    "$1を作成できるのは、担当の支援機関またはコーディネーターです"),
            rule("a 多機関協働プラン is recorded by coordinators", "多機関協働プランを記録できるのはコーディネーターです"),
            rule("(.+) has no free place \\((\\d+)\\)", "$1 に空きがありません（定員 $2）"),
            rule("matching and placements belong to a 参加支援プラン; plan (\\S+) is a (.+)",
                    "マッチングと定着支援は参加支援プランのものです。プラン $1 は$2です"),
            rule("plan (\\S+) is closed", "プラン $1 は終結しています"),
            rule("unknown plan (\\S+)", "プラン $1 はこのケースにありません"),
            rule("plan (\\S+) was closed on (.+)", "プラン $1 は $2 に終結しています"),
            rule("nothing to complete: give wish, wishTags, goals, roles or reviewOn",
                    "補完する内容がありません。wish・wishTags・goals・roles・reviewOn のいずれかを指定してください"),
            rule("version (\\d+) has roles for (.+): give the responsibility of each of these agencies once and of "
                    + "no other; adding or removing an agency is a revision \\(再プラン, POST /plans/(\\S+)/revisions\\)",
                    "第$1版の役割の機関は $2 です。これらの機関の役割の内容を1つずつ指定し、ほかの機関は指定しないでください。"
                    + "機関の追加・削除は再プラン（POST /plans/$3/revisions）で行ってください"),
            rule("version (\\d+) already has the responsibility of (\\S+): changing it is a revision \\(再プラン, "
                    + "POST /plans/(\\S+)/revisions\\)", "第$1版の機関 $2 の役割にはすでに内容があります。変更は"
                    + "再プラン（POST /plans/$3/revisions）で行ってください"),
            rule("version (\\d+) already has (.+): changing them is a revision \\(再プラン, POST /plans/(\\S+)/"
                    + "revisions\\)", "第$1版にはすでに $2 があります。変更は再プラン（POST /plans/$3/revisions）で"
                    + "行ってください"),
            rule("only \\?overdue=true is supported; a case's plans are at /cases/\\{caseId\\}/plans",
                    "指定できるのは ?overdue=true だけです。ケースのプランは /cases/{caseId}/plans にあります"),
            rule("at most (\\d+) items", "$1件以内にしてください"),
            rule("lower-case letters, digits and '-', at most (\\d+)", "英小文字・数字・- の$1文字以内で指定してください"),
            rule("required; PERSON or HOST", "必須です（PERSON または HOST）"),
            // planning: a household's plan, each member's words (HouseholdPlanDecider)
            rule("case (\\S+) is not a subject of plan (\\S+)", "ケース $1 はプラン $2 の対象ではありません"),
            rule("nothing to complete: give wish, wishTags or roles",
                    "補完する内容がありません。wish・wishTags・roles のいずれかを指定してください"),
            rule("plan (\\S+) is a person's plan, not a household's: its details are PUT /plans/(\\S+)/details",
                    "プラン $1 は世帯のプランではありません。内容の補完は PUT /plans/$2/details で行います"),
            rule("suggestion of case (\\S+) for case (\\S+) was not found",
                    "ケース $2 の世帯候補にケース $1 はありません"),
            rule("not a resource of this municipality \\(GET /resources\\)",
                    "この自治体の社会資源ではありません（GET /resources で確認できます）"),
            // reporting and the contract's fiscal years
            rule("a fiscal year is written 2024 or R6", "年度は 2024 または R6 のように指定してください"),
            rule("fiscal year out of range: (.+)", "年度が範囲外です: $1"),
            rule("must be from to 20 years after from", "from から20年以内にしてください"),
            rule("ndjson or csv", "ndjson または csv を指定してください"),
            rule("Last-Event-ID \\(or after\\) must be an event id of this feed",
                    "Last-Event-ID（または after）はこのフィードのイベントIDを指定してください"),
            rule("(\\d+) fields are invalid", "$1項目に誤りがあります"),
            rule("case (\\S+) was not found", "ケース $1 は見つかりません"),
            rule("meeting (\\S+) was not found", "会議 $1 は見つかりません"),
            rule("household (\\S+) was not found", "世帯 $1 は見つかりません"),
            rule("plan (\\S+) was not found", "プラン $1 は見つかりません"),
            rule("person of case (\\S+) was not found", "ケース $1 の本人は見つかりません"),
            rule("case (\\S+) awaiting your answer was not found", "回答待ちのケース $1 は見つかりません"),
            rule("agency (\\S+) of your municipality was not found", "この自治体の機関 $1 は見つかりません"),
            rule("routing of case (\\S+) was not found", "ケース $1 のつなぎ先の判定は見つかりません"),
            rule("subscription (\\S+) was not found", "購読 $1 は見つかりません"),
            rule("placement (\\S+) was not found", "参加先の受け入れ $1 は見つかりません"),
            rule("a directory for municipality (\\S+) was not found", "自治体 $1 の機関名簿は見つかりません"),
            rule("a meeting calendar for municipality (\\S+) was not found", "自治体 $1 の会議予定は見つかりません"),
            rule("a resource catalog for municipality (\\S+) was not found", "自治体 $1 の社会資源の一覧は見つかりません"),
            rule("the notice named by Last-Event-ID was not found", "Last-Event-ID で指定された通知は見つかりません"),
            // a webhook URL (routing-service's WebhookUrlPolicy and the kinds of address of its PublicAddresses)
            rule("its host cannot be resolved", "ホスト名を解決できません"),
            rule("not a URL", "URL として読み取れません"),
            rule("must be an https URL", "https の URL を指定してください"),
            rule("must be https", "https の URL にしてください"),
            rule("must not carry a user name or password", "URL にユーザー名やパスワードを含めないでください"),
            rule("has no host", "URL にホストがありません"),
            webhookHost("an address of this server", "このサーバー自身のアドレス"),
            webhookHost("a loopback address", "ループバックアドレス"),
            webhookHost("an unspecified address", "未指定アドレス"),
            webhookHost("a private address", "プライベートアドレス"),
            webhookHost("a shared (carrier-grade NAT) address", "共有アドレス（キャリアグレード NAT）"),
            webhookHost("a link-local address", "リンクローカルアドレス"),
            webhookHost("a multicast address", "マルチキャストアドレス"),
            webhookHost("a documentation address", "文書用のアドレス"),
            webhookHost("a special-purpose address", "特別な用途のアドレス"),
            rule("the report of import (\\S+) was not found",
                    "取込 $1 の結果一覧はありません（サービスの再起動で消えます。同じファイルをもう一度確認してください）"),
            rule("import (\\S+) was not found", "取込 $1 は見つかりません"),
            rule("(.+) was not found", "$1 は見つかりません"),
            rule("a valid bearer token is required", "有効なベアラートークンが必要です"),
            rule("your role may not do this", "この操作を行う権限がありません"),
            rule("the body must be a JSON object", "本文は JSON オブジェクトで送ってください"),
            rule("the body is not valid JSON \\(line (-?\\d+), column (-?\\d+)\\)",
                    "本文が正しい JSON ではありません（$1行目 $2文字目）"),
            rule("the body is not UTF-8.*", "本文が UTF-8 ではありません。JSON は UTF-8 で送ってください（Shift_JIS などは読めません）"),
            rule("a JSON body is required", "JSON の本文が必要です"),
            rule("the body has (\\d+) bytes; at most (\\d+) are accepted",
                    "本文が$1バイトあります。受け付けるのは$2バイトまでです"),
            rule("send the body with a Content-Length \\(at most (\\d+) bytes\\)",
                    "本文は Content-Length を付けて送ってください（$1バイトまで）"),
            rule("Content-Length is not a number", "Content-Length が数値ではありません"),
            rule("control characters are not accepted in the address", "アドレスに制御文字は使えません"),
            rule("too many requests from this caller; retry after (\\d+).*", "リクエストが多すぎます。$1秒後に再試行してください"),
            rule("replay (\\S+) of your municipality is still running: one at a time",
                    "この自治体のリプレイ $1 が実行中です（自治体ごとに1つずつ実行します）"),
            rule("import (\\S+) of this municipality is still running; start the next when it has finished",
                    "この自治体の取込 $1 がまだ実行中です。終わってから次の取込を始めてください"),
            rule("the file's bytes are required as the body", "ファイルの中身を本文として送ってください（本文が空です）"),
            rule("another replay is running; try again when it is done",
                    "別のリプレイが実行中です。終わってから再度お試しください"),
            rule("an unexpected error occurred; quote error id (\\S+) to your administrator",
                    "予期しないエラーが発生しました。管理者にエラーID $1 をお伝えください"),
            // last: a message about a case or a field around another message, translated in its turn ({2})
            rule("heldOn (.+)", "開催日: {1}"),
            rule("member case (\\S+): (.+)", "世帯員のケース $1: {2}"),
            rule("case (\\S+): (.+)", "ケース $1: {2}"));

    /**
     * The contract's refusals carry their own Japanese ({@link ReviewRules}): read from there, not copied here, with
     * or without the case they name ({@code case <id>: }); tried before the table.
     */
    private static final List<Map.Entry<Pattern, String>> RULES = Stream.concat(ReviewRules.refusals().stream()
            .flatMap(r -> Stream.of(Map.entry(Pattern.compile("case (\\S+): " + Pattern.quote(r.english())),
                            "ケース $1: " + Matcher.quoteReplacement(r.japanese())),
                    Map.entry(Pattern.compile(Pattern.quote(r.english())), Matcher.quoteReplacement(r.japanese())))),
            MESSAGES.stream()).toList();

    /** A webhook URL refused for the kind of address its host has. */
    private static Map.Entry<Pattern, String> webhookHost(String kind, String kindJapanese) {
        return Map.entry(Pattern.compile("its host is " + Pattern.quote(kind)
                + ": webhooks go to the agency's public endpoint"), "ホストが" + kindJapanese
                + "です。Webhook の送信先は機関の公開エンドポイントにしてください");
    }

    private static Map.Entry<Pattern, String> rule(String english, String japanese) {
        return Map.entry(Pattern.compile(english), japanese);
    }

    /** Whether an Accept-Language header (or, without one, the configured default) asks for Japanese. */
    public static boolean wanted(String acceptLanguage, String defaultLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "ja".equalsIgnoreCase(defaultLanguage);
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && (tag.equals("ja") || tag.startsWith("ja-"))) {
                    return true;
                }
                if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return "ja".equalsIgnoreCase(defaultLanguage);
        }
        return "ja".equalsIgnoreCase(defaultLanguage);
    }

    public static Problem of(Problem p) {
        return new Problem(p.type(), TITLES.getOrDefault(p.status(), p.title()), p.status(), detail(p.detail()),
                p.instance(), p.errors() == null ? null : p.errors().stream()
                .map(e -> new FieldError(e.field(), message(e.message()))).toList(), p.moreErrors());
    }

    /** A detail, which may be {@code field: message}. */
    static String detail(String detail) {
        if (detail == null) {
            return null;
        }
        int colon = detail.indexOf(": ");
        String translated = message(detail);
        if (!translated.equals(detail) || colon < 0) {
            return translated;
        }
        String head = detail.substring(0, colon);
        return head.matches("[\\w.\\[\\]]+") ? head + ": " + message(detail.substring(colon + 2)) : detail;
    }

    private static final Pattern NESTED = Pattern.compile("\\{(\\d)}");

    /** The template with each {@code {n}} replaced by group n translated in its turn ({@code $n} stays as sent). */
    private static String nested(String template, Matcher m) {
        Matcher n = NESTED.matcher(template);
        StringBuilder b = new StringBuilder();
        while (n.find()) {
            String group = message(m.group(Integer.parseInt(n.group(1))));
            n.appendReplacement(b, Matcher.quoteReplacement(Matcher.quoteReplacement(group)));
        }
        return n.appendTail(b).toString();
    }

    /** One English rule message in Japanese (as sent when no rule knows it). */
    public static String message(String english) {
        if (english == null) {
            return null;
        }
        for (Map.Entry<Pattern, String> rule : RULES) {
            Matcher m = rule.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(nested(rule.getValue(), m));
            }
        }
        return english;
    }
}
