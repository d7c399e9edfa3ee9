package jp.tsunagu.console.imports;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.IntakeApi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the upload form sends on to intake's {@code POST /imports}: her choices as intake's query values and the
 * file's name as the {@code X-File-Name} header; and intake's refusals said in Japanese on the form. The file's bytes
 * go as they are: the console reads no row and checks no rule.
 *
 * @param mode        {@code check} (確認だけする) or {@code import} (取り込む)
 * @param charset     {@code auto}, {@code UTF-8} or {@code Shift_JIS} (文字コード)
 * @param skipBadRows 問題のある行を飛ばして取り込む
 */
public record ImportUpload(String mode, String charset, boolean skipBadRows) {

    /** An id of intake's import in the console's paths (letters, digits, hyphens), checked before it is passed on. */
    private static final Pattern IMPORT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");

    /** Intake's import ids are UUIDs. */
    private static final Pattern UUID_IN_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * The form's values; anything but 取り込む is a check, which changes nothing (a tampered button never imports),
     * and an unknown 文字コード is 自動.
     */
    public static ImportUpload of(String mode, String charset, String skipBadRows) {
        String m = "import".equals(mode) ? "import" : "check";
        String c = "UTF-8".equals(charset) || "Shift_JIS".equals(charset) ? charset : "auto";
        boolean skip = skipBadRows != null && !skipBadRows.isBlank() && !"false".equals(skipBadRows);
        return new ImportUpload(m, c, skip);
    }

    /**
     * Intake's {@code POST /imports} with the file's bytes exactly as she chose them (no row read, no rule applied),
     * her choices as its query and the file's name as {@code X-File-Name}; the REST client adds her token.
     */
    public Response send(IntakeApi intake, String submittedName, byte[] file) {
        return intake.startImport(mode, skipBadRows, charset, fileNameHeader(submittedName), file);
    }

    /**
     * The file's own name, percent-encoded UTF-8 as intake reads {@code X-File-Name}; a browser's full path
     * (C:\fakepath\…) cut to its last part; null when she sent none.
     */
    public static String fileNameHeader(String submitted) {
        if (submitted == null) {
            return null;
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1)
                .strip();
        return name.isEmpty() ? null : encode(name);
    }

    public static boolean validId(String importId) {
        return importId != null && IMPORT_ID.matcher(importId).matches();
    }

    /** The new job's id: from intake's body, else the last part of its {@code Location}. */
    public static String startedId(JsonNode body, String location) {
        String id = body == null ? null : body.path("importId").asText(null);
        if (id == null && location != null) {
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        return validId(id) ? id : null;
    }

    /** What she reads on the form when intake refused the file (never a stack trace, never English alone). */
    public static String refusal(Answer answer) {
        String said = switch (answer.status()) {
            case 413 -> "ファイルが大きすぎます。取り込めるのは、市が決めた大きさ（通常は50MB）までです。"
                    + "ファイルを年度ごとなどに分けてから、もう一度お試しください。";
            case 409 -> "この市の台帳取込が、いま別に実行中です。終わってから、もう一度お試しください。";
            case 403 -> "台帳取込は、市の担当者（コーディネーター）だけが使えます。";
            case 401 -> "サインインの有効期限が切れました。ページを読み込み直して、サインインし直してください。";
            case 429 -> "要求が集中しています。少し待ってから、もう一度お試しください。";
            case 400, 415, 422 -> "このファイルは受け付けられませんでした。";
            default -> "ファイルを送れませんでした。";
        };
        String detail = answer.body() == null ? "" : answer.body().path("detail").asText("").strip();
        // intake answers in Japanese (Accept-Language: ja); its detail says what exactly, when it gave one (a 409's
        // names the running import, which the form links instead)
        return detail.isEmpty() || !japanese(detail) || answer.status() == 409 ? said : said + "（" + detail + "）";
    }

    /**
     * The running import intake named in its 409, to link to: an {@code importId} member, else the id its detail
     * names ("この自治体の取込 … がまだ実行中です"); null when it named none.
     */
    public static String runningId(Answer answer) {
        if (answer.status() != 409 || answer.body() == null) {
            return null;
        }
        String id = answer.body().path("importId").asText(null);
        if (id == null) {
            Matcher named = UUID_IN_TEXT.matcher(answer.body().path("detail").asText(""));
            id = named.find() ? named.group() : null;
        }
        return validId(id) ? id : null;
    }

    private static boolean japanese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
    }

    /**
     * A download saved under a Japanese name ({@code filename*}, RFC 6266 / 8187) with an ASCII {@code filename} for
     * anything that reads only that.
     */
    public static String contentDisposition(String ascii, String japanese) {
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(japanese);
    }

    /** RFC 8187's value-chars: letters, digits and {@code -._~} as they are, everything else percent-encoded. */
    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
