package jp.tsunagu.console.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.console.services.Answer;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form's choices as intake's query values, the file's name as its header, intake's refusals in Japanese. */
class ImportUploadTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenTheImportButtonWhenSentThenIntakeIsAskedToImportWithTheChosenCharsetAndSkipping() {
        ImportUpload upload = ImportUpload.of("import", "Shift_JIS", "true");

        assertEquals(new ImportUpload("import", "Shift_JIS", true), upload);
    }

    @Test
    void givenAnythingButTheImportButtonWhenSentThenItIsACheckThatChangesNothing() {
        assertEquals("check", ImportUpload.of("check", null, null).mode());
        assertEquals("check", ImportUpload.of(null, null, null).mode());
        assertEquals("check", ImportUpload.of("IMPORT; drop", null, null).mode());
    }

    @Test
    void givenNoOrAnUnknownCharsetWhenSentThenIntakeDetectsIt() {
        assertEquals("auto", ImportUpload.of("check", null, null).charset());
        assertEquals("auto", ImportUpload.of("check", "EUC-JP", null).charset());
        assertEquals("UTF-8", ImportUpload.of("check", "UTF-8", null).charset());
        assertFalse(ImportUpload.of("import", "auto", null).skipBadRows());
    }

    @Test
    void givenAJapaneseFileNameWithABrowsersPathWhenForwardedThenTheHeaderIsItsPercentEncodedUtf8Name() {
        String header = ImportUpload.fileNameHeader("C:\\fakepath\\久留米市 台帳（令和7年度）.xlsx");

        assertTrue(header.matches("[A-Za-z0-9%._~-]+"), "ASCII only in a header: " + header);
        assertEquals("久留米市 台帳（令和7年度）.xlsx", URLDecoder.decode(header, StandardCharsets.UTF_8));
        assertNull(ImportUpload.fileNameHeader("  "));
    }

    @Test
    void givenIntakesRefusalsWhenShownThenEachIsAJapaneseSentenceWithIntakesOwnJapaneseDetail() throws Exception {
        Answer tooLarge = new Answer(413, json.readTree("{\"title\":\"Payload Too Large\"}"));
        // intake's 409 as service-support's ProblemJapanese words it, naming the running import
        Answer running = new Answer(409, json.readTree("{\"detail\":\"この自治体の取込 " + ImportJobs.IMPORT_ID
                + " がまだ実行中です。終わってから次の取込を始めてください\"}"));
        Answer forbidden = new Answer(403, null);
        Answer english = new Answer(400, json.readTree("{\"detail\":\"request body is empty\"}"));

        assertTrue(ImportUpload.refusal(tooLarge).startsWith("ファイルが大きすぎます"));
        Answer tooLargeSaid = new Answer(413, json.readTree("{\"detail\":\"本文が大きすぎます\"}"));

        assertEquals("この市の台帳取込が、いま別に実行中です。終わってから、もう一度お試しください。",
                ImportUpload.refusal(running), "the running import is linked, not quoted");
        assertTrue(ImportUpload.refusal(tooLargeSaid).endsWith("（本文が大きすぎます）"));
        assertEquals(ImportJobs.IMPORT_ID, ImportUpload.runningId(running));
        assertTrue(ImportUpload.refusal(forbidden).contains("コーディネーター"));
        assertEquals("このファイルは受け付けられませんでした。", ImportUpload.refusal(english));
    }

    @Test
    void givenIntakesAnswerWhenTheJobStartedThenItsIdIsTakenOnlyWhenItIsAnId() throws Exception {
        assertEquals("abc-1", ImportUpload.startedId(json.readTree("{\"importId\":\"abc-1\"}"), null));
        assertEquals("abc-2", ImportUpload.startedId(null, "/imports/abc-2"));
        assertNull(ImportUpload.startedId(json.readTree("{\"importId\":\"../cases\"}"), null));
    }

    @Test
    void givenATemplateWhenSavedThenItsNameIsJapaneseInFilenameStarWithAnAsciiFallback() {
        assertEquals("attachment; filename=\"tsunagu-import-referrals.xlsx\"; filename*=UTF-8''"
                        + "%E5%8F%B0%E5%B8%B3%E5%8F%96%E8%BE%BC%E3%83%86%E3%83%B3%E3%83%97%E3%83%AC%E3%83%BC%E3%83%88.xlsx",
                ImportUpload.contentDisposition("tsunagu-import-referrals.xlsx", "台帳取込テンプレート.xlsx"));
    }
}
