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
            Map.entry(413, "送信データが大きすぎます"), Map.entry(415, "送信データの形式が違います"),
            Map.entry(422, "処理できない内容です"), Map.entry(429, "リクエストが多すぎます"),
            Map.entry(500, "システムエラー"), Map.entry(503, "一時的に利用できません"));

    /** English message → Japanese, tried in order; {@code $1}… are the message's own values (codes, numbers, dates). */
    private static final List<Map.Entry<Pattern, String>> MESSAGES = List.of(
            rule("required; one of (.+)", "必須です。次のいずれかを指定してください: $1"),
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
            rule("the same case twice in one (minutes|amendment)", "同じケースが2回指定されています"),
            rule("the amendment changes nothing in the minutes \\(version (\\d+)\\)",
                    "訂正内容が議事録（第$1版）と同じです"),
            rule("the day a meeting was held is not corrected by an amendment.*",
                    "会議の開催日は訂正できません"),
            rule("birthDate or age is required.*", "生年月日または年齢が必要です"),
            rule("at least one concern code is required.*", "相談内容のコードを1つ以上指定してください（該当なしは OTHER）"),
            rule("an agency may only refer as itself", "機関は自機関としてのみつなぐことができます"),
            rule("(\\d+) fields are invalid", "$1項目に誤りがあります"),
            rule("case (\\S+) was not found", "ケース $1 は見つかりません"),
            rule("meeting (\\S+) was not found", "会議 $1 は見つかりません"),
            rule("plan (\\S+) was not found", "プラン $1 は見つかりません"),
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
            rule("another replay is running; try again when it is done",
                    "別のリプレイが実行中です。終わってから再度お試しください"),
            rule("an unexpected error occurred; quote error id (\\S+) to your administrator",
                    "予期しないエラーが発生しました。管理者にエラーID $1 をお伝えください"));

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

    static String message(String english) {
        if (english == null) {
            return null;
        }
        for (Map.Entry<Pattern, String> rule : RULES) {
            Matcher m = rule.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(rule.getValue());
            }
        }
        return english;
    }
}
