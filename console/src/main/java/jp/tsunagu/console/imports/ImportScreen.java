package jp.tsunagu.console.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.codes.FiscalYear;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Intake's import job (the spec's {@code ImportJob}) as the pages show it: the words a coordinator reads beside
 * intake's own (種類, 件数, progress as text, the would-be-created table in Japanese). Every count and state is
 * intake's; nothing here checks a row or decides anything.
 */
public final class ImportScreen {

    /** The states in which intake is still working: the page refreshes itself. */
    static final String CHECKING = "CHECKING";
    static final String IMPORTING = "IMPORTING";

    /** wouldCreate's counts as the page names them, in the order a case goes through its stages. */
    static final Map<String, String> CREATED = labels();

    private ImportScreen() {
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cases", "案件");
        m.put("routedByRules", "規則でつなぐ");
        m.put("routed", "担当機関へつなぐ");
        m.put("accepted", "受入");
        m.put("escalated", "多機関協働へ");
        m.put("outreach", "アウトリーチ");
        m.put("plans", "プラン");
        m.put("closed", "終結");
        return m;
    }

    /** A copy of intake's list of imports, each with its 種類 and 件数 in words. */
    public static ArrayNode listed(JsonNode jobs) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        JsonNode items = jobs != null && jobs.has("items") ? jobs.path("items") : jobs;
        if (items == null || !items.isArray()) {
            return rows;
        }
        for (JsonNode job : items) {
            if (job instanceof ObjectNode o) {
                ObjectNode row = o.deepCopy();
                row.put("kindLabel", kind(job));
                row.put("countText", counts(job));
                rows.add(row);
            }
        }
        return rows;
    }

    /** A copy of one job with what its page shows in words: 種類, progress, the would-be-created table, the notes on
     * the problems listed (only the first of them, or none any more). */
    public static ObjectNode detail(JsonNode job) {
        ObjectNode view = job.deepCopy();
        String state = job.path("state").asText("");
        view.put("kindLabel", kind(job));
        view.put("countText", counts(job));
        view.put("running", running(state));
        view.put("checkedClean", "CHECKED".equals(state));
        ObjectNode progress = progress(job);
        if (progress != null) {
            view.set("progress", progress);
        }
        // not "created": that is intake's count of the cases an import made
        view.set("wouldCreateRows", created(job.path("wouldCreate")));
        view.set("years", years(job.path("wouldCreate").path("byFiscalYear")));
        int shown = job.path("problems").size();
        long count = job.path("problemCount").asLong(shown);
        view.put("problemCount", count);
        view.put("problemsCut", shown > 0 && count > shown);
        // intake keeps the first 10,000 for the CSV and counts the rest
        view.put("problemsBeyondReport", count > 10_000);
        // intake keeps problems in memory only: after its restart the audit row counts them, the list is gone
        view.put("problemsGone", shown == 0 && count > 0);
        return view;
    }

    static boolean running(String state) {
        return CHECKING.equals(state) || IMPORTING.equals(state);
    }

    /** 確認のみ, or 取込 (and whether rows with problems are skipped). */
    static String kind(JsonNode job) {
        if ("IMPORT".equalsIgnoreCase(job.path("mode").asText(""))) {
            return job.path("skipBadRows").asBoolean(false) ? "取込（問題のある行を飛ばす）" : "取込";
        }
        return "確認のみ";
    }

    /** 件数 in a line: rows read, rows with problems, and for an import what it created, found already, skipped. */
    static String counts(JsonNode job) {
        StringBuilder s = new StringBuilder();
        if (job.hasNonNull("rows")) {
            s.append(job.path("rows").asLong()).append("行");
        }
        long problems = job.path("rowsWithProblems").asLong(0);
        if (problems > 0) {
            append(s, "問題 " + problems + "行");
        }
        if ("IMPORT".equalsIgnoreCase(job.path("mode").asText(""))) {
            append(s, "作成 " + job.path("created").asLong(0) + "件");
            long already = job.path("alreadyImported").asLong(0);
            if (already > 0) {
                append(s, "取込済み " + already + "件");
            }
            long skipped = job.path("skipped").asLong(0);
            if (skipped > 0) {
                append(s, "飛ばした行 " + skipped + "行");
            }
        }
        return s.isEmpty() ? "—" : s.toString();
    }

    private static void append(StringBuilder s, String part) {
        if (!s.isEmpty()) {
            s.append("・");
        }
        s.append(part);
    }

    /**
     * While intake works: {@code {label, done, of, percent, text}}, rowsChecked of rows while checking, rowsDone of
     * rows while importing; null otherwise.
     */
    static ObjectNode progress(JsonNode job) {
        String state = job.path("state").asText("");
        if (!running(state)) {
            return null;
        }
        boolean checking = CHECKING.equals(state);
        long done = job.path(checking ? "rowsChecked" : "rowsDone").asLong(0);
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        String label = checking ? "確認した行" : "取り込んだ行";
        p.put("label", label);
        p.put("done", done);
        if (job.hasNonNull("rows") && job.path("rows").asLong() > 0) {
            long of = job.path("rows").asLong();
            long percent = Math.min(100, done * 100 / of);
            p.put("of", of);
            p.put("percent", percent);
            p.put("text", label + "：" + done + "／" + of + "行（" + percent + "%）");
        } else {
            p.put("text", label + "：" + done + "行（ファイルを読んでいます）");
        }
        return p;
    }

    /** {@code [{label, count}]} in the stages' order; empty when intake said nothing would be created. */
    static ArrayNode created(JsonNode wouldCreate) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        if (wouldCreate == null || !wouldCreate.isObject()) {
            return rows;
        }
        CREATED.forEach((field, label) -> rows.addObject().put("label", label)
                .put("count", wouldCreate.path(field).asLong(0)));
        return rows;
    }

    /** By fiscal year, each labelled in 令和 (intake's label, else the year's own). */
    static ArrayNode years(JsonNode byFiscalYear) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        if (byFiscalYear == null || !byFiscalYear.isArray()) {
            return rows;
        }
        for (JsonNode y : byFiscalYear) {
            String label = y.path("label").asText("");
            if (label.isBlank()) {
                label = japanese(y.path("fiscalYear").asText(""));
            }
            rows.addObject().put("label", label).put("cases", y.path("cases").asLong(0))
                    .put("plansMade", y.path("plansMade").asLong(0))
                    .put("plansClosed", y.path("plansClosed").asLong(0));
        }
        return rows;
    }

    private static String japanese(String fiscalYear) {
        try {
            return FiscalYear.parse(fiscalYear).japaneseLabel();
        } catch (IllegalArgumentException e) {
            return fiscalYear;
        }
    }
}
