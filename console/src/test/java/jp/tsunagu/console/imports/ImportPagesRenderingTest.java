package jp.tsunagu.console.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.rendering.Pages;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 台帳取込's two pages rendered from intake's jobs (the spec's ImportJob) as the console's templates show them. */
class ImportPagesRenderingTest {

    private static final String ID = ImportJobs.IMPORT_ID;

    private final ObjectMapper json = new ObjectMapper();

    private String form(boolean coordinator, String past, String error, String runningId) throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("past", past == null ? null : json.convertValue(ImportScreen.listed(json.readTree(past)),
                Object.class));
        data.put("error", error);
        data.put("runningId", runningId);
        data.put("choices", ImportUpload.of("import", "Shift_JIS", "true"));
        return Pages.render("imports/imports.html", coordinator, data);
    }

    private String job(String job) throws Exception {
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("j", json.convertValue(ImportScreen.detail(json.readTree(job)), Object.class));
        return Pages.render("imports/import.html", true, data);
    }

    @Test
    void givenACoordinatorWhenAnyPageIsShownThenTheMenuHas台帳取込AndAnAgencysMenuHasNot() throws Exception {
        String coordinator = form(true, "[]", null, null);
        String agency = form(false, "[]", null, null);

        assertTrue(coordinator.contains("<a href=\"/402036/imports\" aria-current=\"page\">台帳取込</a>"));
        assertFalse(agency.contains(">台帳取込</a>"));
    }

    @Test
    void givenTheFormWhenShownThenItPostsTheFileAsMultipartWithTheTokenCharsetSkippingAndTwoButtons()
            throws Exception {
        String html = form(true, "[]", null, null);

        assertTrue(html.contains("<form method=\"post\" action=\"/402036/imports\" enctype=\"multipart/form-data\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"" + Pages.CSRF + "\">"));
        assertTrue(html.contains("<label for=\"f-file\">台帳のファイル"));
        assertTrue(html.contains("<input type=\"file\" id=\"f-file\" name=\"file\""));
        assertTrue(html.contains("<label for=\"f-charset\">文字コード"));
        assertTrue(html.contains("<option value=\"auto\" >自動</option>"));
        assertTrue(html.contains("<option value=\"Shift_JIS\" selected>Shift_JIS</option>"), "her choice kept");
        assertTrue(html.contains("name=\"skipBadRows\" value=\"true\" aria-describedby=\"h-skip\" checked>"
                + " 問題のある行を飛ばして取り込む</label>"));
        assertTrue(html.contains("name=\"mode\" value=\"check\" id=\"import-check\">確認だけする（何も変わりません）</button>"));
        assertTrue(html.contains("name=\"mode\" value=\"import\" id=\"import-run\" class=\"secondary\">取り込む</button>"));
        assertTrue(html.contains("同じファイルを2回取り込んでも、新しい案件は増えません"));
        assertTrue(html.contains("同じファイルをもう一度取り込むと、続きから取り込みます"));
        assertTrue(html.contains("href=\"/402036/imports/templates/referrals.xlsx\""));
        assertTrue(html.contains("href=\"/402036/imports/templates/referrals.csv\""));
        assertTrue(html.contains("まだ取込はありません。"));
    }

    @Test
    void givenPastImportsWhenTheFormIsShownThenEachHasItsTimeNameKindStateCountsAndLink() throws Exception {
        String html = form(true, "[" + ImportJobs.CHECKED + "," + ImportJobs.IMPORTING + "]", null, null);

        assertTrue(html.contains("<caption>これまでの取込（新しい順、2件）</caption>"));
        assertTrue(html.contains("<th scope=\"col\">日時</th><th scope=\"col\">ファイル名</th><th scope=\"col\">種類</th>"
                + "<th scope=\"col\">状態</th><th scope=\"col\">件数</th>"));
        assertTrue(html.contains("<a href=\"/402036/imports/" + ID + "\">令和8年12月5日 9:30</a>"), "Japan's time");
        assertTrue(html.contains("確認済み（問題なし）"));
        assertTrue(html.contains("取込（問題のある行を飛ばす）"));
    }

    @Test
    void givenIntakesRefusalWhenTheFormIsShownAgainThenTheJapaneseMessageIsOnTopAndLinksTheRunningImport()
            throws Exception {
        String html = form(true, null, "この市の台帳取込が、いま別に実行中です。", ID);

        assertTrue(html.contains("<div class=\"notice error\" role=\"alert\""));
        assertTrue(html.contains("<p id=\"upload-error\">この市の台帳取込が、いま別に実行中です。</p>"));
        assertTrue(html.contains("<a href=\"/402036/imports/" + ID + "\">実行中の取込を見る</a>"));
        assertTrue(html.contains("aria-describedby=\"upload-error\""));
        assertTrue(html.contains("これまでの取込の一覧を読み込めませんでした。"));
    }

    @Test
    void givenACheckUnderWayWhenItsPageIsShownThenItRefreshesEveryTwoSecondsAndSaysItsProgressAsText()
            throws Exception {
        String html = job(ImportJobs.CHECKING);

        assertTrue(html.contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"), "no script needed");
        assertTrue(html.contains("<div id=\"import-body\" hx-get=\"/402036/imports/" + ID + "\" hx-trigger=\"every 2s\""
                + " hx-select=\"#import-body\" hx-swap=\"outerHTML\">"), "where scripts run, only the body is swapped");
        assertTrue(html.contains("<p id=\"import-progress\" role=\"status\">確認した行：1500／2000行（75%）</p>"));
        assertTrue(html.contains("<progress value=\"1500\" max=\"2000\" aria-labelledby=\"import-progress\">"));
    }

    @Test
    void givenACleanCheckWhenItsPageIsShownThenItStopsRefreshingShowsTheTablesAndSaysHowToImport()
            throws Exception {
        String html = job(ImportJobs.CHECKED);

        assertFalse(html.contains("http-equiv=\"refresh\""));
        assertFalse(html.contains("hx-trigger"), "a finished check stops following");
        assertTrue(html.contains("同じファイルを選んで『取り込む』を押してください"));
        assertTrue(html.contains("<a href=\"/402036/imports\" id=\"import-again\">"));
        assertTrue(html.contains("<tr><th scope=\"row\">規則でつなぐ</th><td>200件</td></tr>"));
        assertTrue(html.contains("<tr><th scope=\"row\">令和8年度</th><td>800件</td><td>200件</td><td>50件</td></tr>"));
        assertTrue(html.contains("<li>備考</li>"), "the column not imported");
        assertTrue(html.contains("<a href=\"/402036/imports/case?number=R8-000123\" class=\"case-number\">R8-000123</a>"));
        assertTrue(html.contains("href=\"/402036/imports/" + ID + "/report.csv\""));
    }

    @Test
    void givenProblemsWhenTheirPageIsShownThenTheTableHasRowColumnValueReasonEscapedAndSaysOnlyTheFirst1000()
            throws Exception {
        String html = job(ImportJobs.PROBLEMS);

        assertTrue(html.contains("問題のある箇所（1234件）"));
        assertTrue(html.contains("最初の1000件"));
        assertTrue(html.contains("<th scope=\"col\">行</th><th scope=\"col\">列</th><th scope=\"col\">値</th>"
                + "<th scope=\"col\">理由</th>"));
        assertTrue(html.contains("<td data-label=\"値\">令和5年2月30日</td>"));
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"), "a cell's value is text, never markup");
        assertFalse(html.contains("<b>x</b>"));
        assertFalse(html.contains("同じファイルを選んで『取り込む』"), "not after a check with problems");
    }

    @Test
    void givenAnImportUnderWayOrARefusedFileWhenShownThenProgressOrTheReasonIsSaid() throws Exception {
        assertTrue(job(ImportJobs.IMPORTING).contains("取り込んだ行：1500／2000行（75%）"));
        String refused = job(ImportJobs.REFUSED);
        assertTrue(refused.contains("Excel（.xlsx）かCSVのファイルではありません"));
        assertFalse(refused.contains("http-equiv=\"refresh\""));
    }

    @Test
    void givenAFinishedImportWhenShownThenItSaysWhatWasCreatedFoundAlreadyAndSkipped() throws Exception {
        String html = job(ImportJobs.IMPORTING.replace("\"IMPORTING\"", "\"DONE\"")
                .replace("\"alreadyImported\":0", "\"alreadyImported\":500"));

        assertTrue(html.contains("取り込みが終わりました。新しく記録した案件 1497件・取り込み済みで飛ばした行 500行"
                + "・問題があって飛ばした行 3行"));
        assertFalse(html.contains("http-equiv=\"refresh\""));
        assertFalse(html.contains("最初の1000件"), "the 3 skipped rows are all listed: " + html);
    }

    @Test
    void givenTheCitysHomeWhenACoordinatorOpensItThenHerWorkLinks台帳取込AndAnAgencysHomeDoesNot() {
        Map<String, Object> data = new HashMap<>();
        data.put("m", "402036");
        data.put("today", "2026-12-05");
        data.put("overdue", Map.of("items", List.of()));
        data.put("review", Map.of("items", List.of()));

        assertTrue(Pages.render("home-city.html", true, data)
                .contains("<li><a href=\"/402036/imports\">市の台帳を取り込む（台帳取込）</a></li>"));
        assertFalse(Pages.render("home-city.html", false, data).contains("/402036/imports"));
    }
}
