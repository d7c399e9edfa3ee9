package jp.tsunagu.console.imports;

/** Intake's import jobs as the spec writes them (GET /imports/{id}), for the tests of the pages. */
final class ImportJobs {

    private ImportJobs() {
    }

    static final String IMPORT_ID = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890";

    /** A check of 2000 rows, 1500 checked so far. */
    static final String CHECKING = """
            {"importId":"%s","municipality":"402036","fileName":"台帳.xlsx","format":"XLSX","charset":null,
             "mode":"CHECK","skipBadRows":false,"state":"CHECKING","stateLabel":"確認中","startedBy":"u-1",
             "startedAt":"2026-12-05T00:30:00Z","finishedAt":null,"rows":2000,"rowsChecked":1500,
             "rowsWithProblems":0,"rowsDone":0,"created":0,"alreadyImported":0,"skipped":0,"refusal":null,
             "wouldCreate":null,"ignoredColumns":[],"problems":[],"problemCount":0,"possibleDuplicates":[],
             "report":"/imports/%s/report.csv"}
            """.formatted(IMPORT_ID, IMPORT_ID);

    /** A clean check: what would be created, by fiscal year, a column not imported and one possible duplicate. */
    static final String CHECKED = """
            {"importId":"%s","municipality":"402036","fileName":"台帳.xlsx","format":"XLSX","charset":null,
             "mode":"CHECK","skipBadRows":false,"state":"CHECKED","stateLabel":"確認済み（問題なし）","startedBy":"u-1",
             "startedAt":"2026-12-05T00:30:00Z","finishedAt":"2026-12-05T00:31:00Z","rows":2000,
             "rowsChecked":2000,"rowsWithProblems":0,"rowsDone":0,"created":0,"alreadyImported":0,"skipped":0,
             "refusal":null,
             "wouldCreate":{"cases":2000,"routedByRules":200,"routed":800,"accepted":700,"escalated":500,
                            "outreach":100,"plans":600,"closed":150,
                            "byFiscalYear":[{"fiscalYear":"R7","label":"令和7年度","cases":1200,"plansMade":400,
                                             "plansClosed":100},
                                            {"fiscalYear":"R8","cases":800,"plansMade":200,"plansClosed":50}]},
             "ignoredColumns":["備考"],"problems":[],"problemCount":0,
             "possibleDuplicates":[{"row":40,"caseNumber":"R8-000123"}],
             "report":"/imports/%s/report.csv"}
            """.formatted(IMPORT_ID, IMPORT_ID);

    /** A check with 1234 problems, of which intake listed the first (two here, standing for its first 1000). */
    static final String PROBLEMS = """
            {"importId":"%s","municipality":"402036","fileName":"台帳.csv","format":"CSV","charset":"Shift_JIS",
             "mode":"CHECK","skipBadRows":false,"state":"CHECK_FAILED","stateLabel":"問題あり","startedBy":"u-1",
             "startedAt":"2026-12-05T00:30:00Z","finishedAt":"2026-12-05T00:31:00Z","rows":2000,
             "rowsChecked":2000,"rowsWithProblems":1200,"rowsDone":0,"created":0,"alreadyImported":0,"skipped":0,
             "refusal":null,"wouldCreate":{"cases":800,"routedByRules":0,"routed":0,"accepted":0,"escalated":0,
             "outreach":0,"plans":0,"closed":0,"byFiscalYear":[]},
             "ignoredColumns":[],
             "problems":[{"row":12,"column":"受付日","value":"令和5年2月30日","reason":"日付として読めません: 令和5年2月30日"},
                         {"row":13,"column":"課題","value":"<b>x</b>","reason":"「<b>x</b>」は課題の名前にありません"}],
             "problemCount":1234,"possibleDuplicates":[],"report":"/imports/%s/report.csv"}
            """.formatted(IMPORT_ID, IMPORT_ID);

    /** An import under way: 1500 of 2000 rows done. */
    static final String IMPORTING = """
            {"importId":"%s","mode":"IMPORT","skipBadRows":true,"state":"IMPORTING","stateLabel":"取込中",
             "fileName":"台帳.xlsx","startedAt":"2026-12-05T00:30:00Z","rows":2000,"rowsChecked":2000,
             "rowsWithProblems":3,"rowsDone":1500,"created":1497,"alreadyImported":0,"skipped":3,
             "problems":[],"problemCount":3,"possibleDuplicates":[]}
            """.formatted(IMPORT_ID);

    /** A file that is no spreadsheet. */
    static final String REFUSED = """
            {"importId":"%s","mode":"CHECK","state":"REFUSED","stateLabel":"読めないファイル","fileName":"a.pdf",
             "startedAt":"2026-12-05T00:30:00Z","refusal":"Excel（.xlsx）かCSVのファイルではありません",
             "problems":[],"problemCount":0,"possibleDuplicates":[]}
            """.formatted(IMPORT_ID);
}
