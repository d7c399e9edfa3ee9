package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.codes.FiscalYear;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static jp.tsunagu.system.HouseholdCalls.call;
import static jp.tsunagu.system.HouseholdCalls.expectJson;
import static jp.tsunagu.system.ImportCalls.XLSX;
import static jp.tsunagu.system.ImportCalls.awaitEnd;
import static jp.tsunagu.system.ImportCalls.awaitFigures;
import static jp.tsunagu.system.ImportCalls.awaitMidImport;
import static jp.tsunagu.system.ImportCalls.cases;
import static jp.tsunagu.system.ImportCalls.figures;
import static jp.tsunagu.system.ImportCalls.plus;
import static jp.tsunagu.system.ImportCalls.problems;
import static jp.tsunagu.system.ImportCalls.start;
import static jp.tsunagu.system.LocalRunSystemTest.INTAKE;
import static jp.tsunagu.system.LocalRunSystemTest.PLANNING;
import static jp.tsunagu.system.LocalRunSystemTest.ROUTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 31, a city bringing its existing caseload in (台帳取込) through the public API as a coordinator of Kurume:
 * a generated list of 2,000 rows of 令和7年度 in CP932 is checked (the dry run's report is exact and creates nothing),
 * imported (the year table then shows the list's own counts), imported again as .xlsx (nothing changes); a second
 * list is imported while intake-service is killed mid-way and imported again after the restart (the same final
 * state, no case twice); a malformed list reports each bad row and imports none of them (or, with skipBadRows, the
 * good rows only); a renamed program is refused and an agency may not import.
 * <p>
 * The lists are of 令和7年度 (2025-04-01..2026-03-31): a year no other test writes (seed 000's table asserts 令和3–6年度,
 * the live tests write the current year). Each test reads the year's figures before and expects them plus its list's
 * own counts, and waits until they are there, so the tests do not depend on each other's figures.
 */
@ExtendWith(RunningSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// last of the single system's tests: its thousands of imported Kurume cases waiting for a meeting fill the waiting
// list (500 shown, oldest first) the console test picks its own new case from
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class ImportSystemTest {

    static final String CITY = CaseloadSheet.CITY;
    static final LocalSystem SYSTEM = LocalSystem.SINGLE;
    static final FiscalYear YEAR = FiscalYear.parse("R7");
    static final CaseloadSheet SHEET = CaseloadSheet.of("KRM-R7A-", YEAR, 2000, 1);
    static final CaseloadSheet KILLED = CaseloadSheet.of("KRM-R7B-", YEAR, 2000, 2);
    static final MalformedSheet MALFORMED = MalformedSheet.of("KRM-R7X-", YEAR, 33, 3);

    final Supplier<String> coordinator = SYSTEM.tokens("coordinator", "--municipality", CITY);

    @Test
    @Order(1)
    void theDryRunOfACp932ListReportsExactlyWhatItWouldCreateAndCreatesNothing() throws Exception {
        int casesBefore = cases(coordinator.get(), YEAR).size();
        Map<String, Integer> figuresBefore = figures(coordinator.get(), YEAR);

        String id = start(coordinator.get(), "check", false, "久留米市 台帳 令和7年度.csv",
                SHEET.csv(CaseloadSheet.CP932), "text/csv");
        JsonNode job = awaitEnd(coordinator, id, "CHECKED");

        assertEquals("CSV", job.path("format").asText(), job.toString());
        assertEquals("Shift_JIS", job.path("charset").asText(), "CP932 recognised: " + job);
        assertEquals("CHECK", job.path("mode").asText());
        assertEquals(2000, job.path("rows").asInt());
        assertEquals(2000, job.path("rowsChecked").asInt());
        assertEquals(0, job.path("rowsWithProblems").asInt(), job.path("problems").toString());
        assertEquals(0, job.path("problemCount").asInt(), job.path("problems").toString());
        assertEquals(0, job.path("problems").size(), job.path("problems").toString());
        assertEquals(0, job.path("created").asInt());
        assertEquals(List.of("備考"), strings(job.path("ignoredColumns")), "the column the import does not know");
        assertEquals(0, job.path("possibleDuplicates").size(), "nobody of the list is known yet: "
                + job.path("possibleDuplicates"));
        assertWouldCreate(SHEET.counts(), job.path("wouldCreate"));

        // nothing made: intake's own cases at once, and the figures unchanged
        assertEquals(casesBefore, cases(coordinator.get(), YEAR).size(), "a dry run creates no case");
        assertEquals(figuresBefore, figures(coordinator.get(), YEAR), "a dry run changes no figure");
        JsonNode audit = expectJson(200, call("GET", INTAKE, "/imports", coordinator.get(), null));
        JsonNode listed = HouseholdCalls.find(audit.isArray() ? audit : audit.path("items"), "importId", id);
        assertTrue(listed != null && "CHECKED".equals(listed.path("state").asText()),
                "the audit lists the dry run: " + audit);
    }

    @Test
    @Order(2)
    void theImportMakesTheYearTableTheListsOwnCountsAndTheSameRowsAsXlsxChangeNothing() throws Exception {
        int casesBefore = cases(coordinator.get(), YEAR).size();
        Map<String, Integer> before = figures(coordinator.get(), YEAR);

        JsonNode job = awaitEnd(coordinator, start(coordinator.get(), "import", false, "台帳.csv",
                SHEET.csv(CaseloadSheet.CP932), "text/csv"), "DONE");
        assertEquals(2000, job.path("created").asInt(), job.toString());
        assertEquals(0, job.path("alreadyImported").asInt());
        assertEquals(0, job.path("skipped").asInt());
        assertEquals(2000, job.path("rowsDone").asInt());
        assertEquals(0, job.path("problems").size(), job.path("problems").toString());

        List<JsonNode> cases = cases(coordinator.get(), YEAR);
        assertEquals(casesBefore + 2000, cases.size(), "one case per row");
        Set<String> caseIds = new HashSet<>();
        cases.forEach(c -> caseIds.add(c.path("caseId").asText()));
        for (CaseloadSheet.SheetRow row : SHEET.rows()) {
            assertTrue(caseIds.contains(row.caseId()), "row " + row.number() + " (" + row.caseNumber()
                    + ") is the case the spec names, " + row.caseId());
        }
        awaitFigures(coordinator, YEAR, plus(before, SHEET.counts().figureChange()), "after the import");

        assertTheImportedHistory(SHEET.rows().stream().filter(r -> r.kind() == RowKind.CLOSED_PARTICIPATION)
                .findFirst().orElseThrow());
        CaseloadSheet.SheetRow escalated = SHEET.rows().stream().filter(r -> r.kind() == RowKind.ESCALATED)
                .findFirst().orElseThrow();
        JsonNode routing = expectJson(200, call("GET", ROUTING, "/cases/" + escalated.caseId() + "/routing",
                coordinator.get(), null));
        assertEquals("ESCALATED", routing.path("decision").asText(), "多機関協働へ: " + routing);
        assertAnsweredOrEscalated(SHEET.rows());

        // the same rows again, as the city's .xlsx (same 管理番号): every row already imported, nothing new
        Map<String, Integer> after = figures(coordinator.get(), YEAR);
        JsonNode again = awaitEnd(coordinator, start(coordinator.get(), "import", false, "台帳.xlsx", SHEET.xlsx(),
                XLSX), "DONE");
        assertEquals("XLSX", again.path("format").asText(), again.toString());
        assertEquals(0, again.path("created").asInt(), again.toString());
        assertEquals(2000, again.path("alreadyImported").asInt(), again.toString());
        assertEquals(0, again.path("problems").size(), again.path("problems").toString());
        assertEquals(casesBefore + 2000, cases(coordinator.get(), YEAR).size(), "no case made twice");
        for (int i = 0; i < 5; i++) { // anything made twice would reach the figures within seconds
            Thread.sleep(1000);
            assertEquals(after, figures(coordinator.get(), YEAR), "the year table after the same rows as .xlsx");
        }
    }

    @Test
    @Order(3)
    void anImportKilledMidWayAndRunAgainEndsAsAnUninterruptedOneWithNoCaseTwice() throws Exception {
        int casesBefore = cases(coordinator.get(), YEAR).size();
        Map<String, Integer> before = figures(coordinator.get(), YEAR);
        byte[] file = KILLED.csv(CaseloadSheet.CP932);

        String id = start(coordinator.get(), "import", false, "台帳 2.csv", file, "text/csv");
        JsonNode midway = awaitMidImport(coordinator, id);
        SYSTEM.kill("intake-service");
        SYSTEM.run("up"); // starts intake-service again; everything else is left as it is

        JsonNode interrupted = awaitEnd(coordinator, id, null);
        assertEquals("INTERRUPTED", interrupted.path("state").asText(), "DONE".equals(interrupted.path("state")
                .asText()) ? "the import ended before the kill landed (" + midway.path("rowsDone") + " rows seen "
                + "done): make the list longer" : interrupted.toString());
        assertTrue(interrupted.path("stateLabel").asText().startsWith("中断"), interrupted.toString());

        JsonNode job = awaitEnd(coordinator, start(coordinator.get(), "import", false, "台帳 2.csv", file,
                "text/csv"), "DONE");
        assertEquals(2000, job.path("created").asInt() + job.path("alreadyImported").asInt(), job.toString());
        assertTrue(job.path("alreadyImported").asInt() > 0, "the rows done before the kill (" + midway.path("rowsDone")
                + " seen) were kept and not made again: " + job);

        List<JsonNode> cases = cases(coordinator.get(), YEAR);
        assertEquals(casesBefore + 2000, cases.size(), "one case per row, none twice");
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (JsonNode c : cases) {
            assertTrue(ids.add(c.path("caseId").asText()), "case listed twice: " + c);
            String number = c.path("caseNumber").asText();
            assertTrue(number.isEmpty() || numbers.add(number), "受付番号 given twice: " + c);
        }
        KILLED.rows().forEach(r -> assertTrue(ids.contains(r.caseId()), "row " + r.number() + " imported"));
        awaitFigures(coordinator, YEAR, plus(before, KILLED.counts().figureChange()), "after the killed import");
        assertAnsweredOrEscalated(KILLED.rows());
    }

    @Test
    @Order(4)
    void aMalformedListReportsEachBadRowAndImportsNoneOfThem() throws Exception {
        int casesBefore = cases(coordinator.get(), YEAR).size();
        Map<String, Integer> before = figures(coordinator.get(), YEAR);
        byte[] file = MALFORMED.sheet().csv(CaseloadSheet.CP932);
        Set<CaseloadSheet.Problem> expected = new LinkedHashSet<>(MALFORMED.problems());

        JsonNode failed = awaitEnd(coordinator, start(coordinator.get(), "import", false, "台帳（誤りあり）.csv", file,
                "text/csv"), "CHECK_FAILED");
        assertEquals(expected, problems(failed), "each bad row, at its column: " + failed.path("problems"));
        assertEquals(expected.size(), failed.path("rowsWithProblems").asInt());
        assertEquals(0, failed.path("created").asInt());
        failed.path("problems").forEach(p -> assertTrue(p.path("reason").asText().codePoints().anyMatch(c -> c > 0x3000),
                "a reason in Japanese: " + p));
        assertEquals(casesBefore, cases(coordinator.get(), YEAR).size(), "a list with problems imports nothing");

        Report report = reportCsv(failed.path("importId").asText());
        assertEquals(200, report.status(), report.body());
        assertTrue(report.body().startsWith("\uFEFF行,列,値,理由"), "the report opens in Excel: " + report.body());
        for (CaseloadSheet.Problem p : expected) {
            assertTrue(report.body().contains("\n" + p.row() + "," + p.column() + ","), "report line of " + p);
        }

        JsonNode skipped = awaitEnd(coordinator, start(coordinator.get(), "import", true, "台帳（誤りあり）.csv", file,
                "text/csv"), "DONE");
        assertEquals(MALFORMED.good().size(), skipped.path("created").asInt(), skipped.toString());
        assertEquals(expected.size(), skipped.path("skipped").asInt(), skipped.toString());
        assertEquals(expected, problems(skipped), "the skipped rows listed");
        assertEquals(casesBefore + MALFORMED.good().size(), cases(coordinator.get(), YEAR).size(),
                "the good rows only");
        Set<String> good = new HashSet<>(MALFORMED.good().stream().map(CaseloadSheet.SheetRow::caseId).toList());
        for (CaseloadSheet.SheetRow bad : MALFORMED.sheet().rows()) {
            if (!good.contains(bad.caseId())) { // the duplicate 管理番号's row is the first row's case
                assertEquals(404, call("GET", INTAKE, "/referrals/" + bad.caseId(), coordinator.get(), null)
                        .statusCode(), "bad row " + bad.number() + " made no case");
            }
        }
        awaitFigures(coordinator, YEAR, plus(before, MALFORMED.goodCounts().figureChange()), "after the good rows");
        assertAnsweredOrEscalated(MALFORMED.good());
    }

    @Test
    @Order(5)
    void aRenamedProgramIsRefusedInJapaneseAndAnAgencyMayNotImport() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        JsonNode refused = awaitEnd(coordinator, start(coordinator.get(), "check", false, "台帳.xlsx", exe,
                "application/octet-stream"), "REFUSED");
        assertTrue(refused.path("refusal").asText().contains("Excel（.xlsx）かCSVのファイルではありません"),
                refused.toString());
        assertEquals(0, refused.path("created").asInt());

        String agency = SYSTEM.token("agency", "--agency", "kurume-houkatsu-01", "--municipality", CITY);
        assertEquals(403, ImportCalls.post(agency, "check", false, "台帳.csv", SHEET.csv(StandardCharsets.UTF_8),
                "text/csv").statusCode(), "an agency may not import a city's list");
        assertEquals(403, call("GET", INTAKE, "/imports", agency, null).statusCode(), "nor read the imports");
        assertEquals(403, call("GET", INTAKE, "/imports/" + refused.path("importId").asText(), agency, null)
                .statusCode(), "nor one import");
    }

    /**
     * The imported cases no agency answered are overdue (their acceptBy long past) and escalated as any other: at least
     * every つなぎ先決定 row of the list (受付 rows the live rules routed come on top). Settled here so that the wave
     * does not reach another test's figures at routing's next hourly check.
     */
    void assertAnsweredOrEscalated(List<CaseloadSheet.SheetRow> rows) throws Exception {
        long routedRows = rows.stream().filter(r -> r.kind() == RowKind.ROUTED).count();
        int escalated = ImportCalls.settleOverdue(coordinator, YEAR);
        assertTrue(escalated >= routedRows, escalated + " escalated as overdue, of " + routedRows
                + " つなぎ先決定 rows");
    }

    /** wouldCreate as the spec shapes it, compared figure by figure with the list's own counts. */
    static void assertWouldCreate(SheetCounts counts, JsonNode wouldCreate) {
        Map<String, Object> expected = counts.wouldCreate();
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            if (e.getValue() instanceof Integer n) {
                assertEquals(n.intValue(), wouldCreate.path(e.getKey()).asInt(-1), "wouldCreate." + e.getKey()
                        + " in " + wouldCreate);
            }
        }
        JsonNode years = wouldCreate.path("byFiscalYear");
        assertEquals(1, years.size(), "one fiscal year: " + years);
        JsonNode y = years.get(0);
        assertEquals(counts.year().label(), y.path("fiscalYear").asText(), y.toString());
        assertEquals("令和7年度", y.path("label").asText(), y.toString());
        assertEquals(counts.cases(), y.path("cases").asInt(), y.toString());
        assertEquals(counts.plans(), y.path("plansMade").asInt(), y.toString());
        assertEquals(counts.closed(), y.path("plansClosed").asInt(), y.toString());
    }

    /**
     * The case of a 終結 row with a 参加支援プラン: its page shows the list's story with the list's dates (received,
     * routed to the named agency, accepted, planned, closed), and planning holds the plan under the spec's id.
     */
    void assertTheImportedHistory(CaseloadSheet.SheetRow row) throws Exception {
        JsonNode page = HouseholdCalls.await("the imported case's page at 終結", 200,
                p -> "CLOSED".equals(p.path("status").asText()),
                () -> call("GET", INTAKE, "/referrals/" + row.caseId(), coordinator.get(), null));
        assertEquals(row.date("受付日").toString(), page.path("receivedOn").asText(), page.toString());
        assertTrue(page.path("caseNumber").asText().startsWith("R7-"), "a 受付番号 of 令和7年度: " + page);
        Map<String, String> dates = new java.util.HashMap<>();
        page.path("history").forEach(h -> dates.putIfAbsent(h.path("eventType").asText(),
                h.path("businessDate").asText()));
        String received = row.date("受付日").toString();
        String routed = row.date("つなぎ日") != null ? row.date("つなぎ日").toString() : received;
        String accepted = row.date("受入日") != null ? row.date("受入日").toString() : routed;
        assertEquals(received, dates.get("jp.tsunagu.intake.referral-received.v1"), "history " + page);
        assertEquals(routed, dates.get("jp.tsunagu.routing.case-routed.v1"), "history " + page);
        assertEquals(accepted, dates.get("jp.tsunagu.routing.routing-accepted.v1"), "history " + page);
        assertEquals(row.date("作成日").toString(), dates.get("jp.tsunagu.planning.plan-created.v1"), "history " + page);
        assertEquals(row.date("終結日").toString(), dates.get("jp.tsunagu.planning.plan-closed.v1"), "history " + page);
        JsonNode routedStep = HouseholdCalls.find(page.path("history"), "eventType", "jp.tsunagu.routing.case-routed.v1");
        assertEquals("kurume-sanka-01", routedStep.path("agencyId").asText(), "the agency the list names: " + page);

        String planId = UUID.nameUUIDFromBytes(("imported-plan|" + row.caseId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        JsonNode plan = expectJson(200, call("GET", PLANNING, "/plans/" + planId, coordinator.get(), null));
        assertEquals("PARTICIPATION", plan.path("type").asText(), plan.toString());
        assertEquals("CLOSED", plan.path("status").asText(), plan.toString());
        assertEquals(row.date("終結日").toString(), plan.path("closedOn").asText(), plan.toString());
    }

    record Report(int status, String body) {
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** The problem report (UTF-8 with a BOM, for Excel). */
    Report reportCsv(String importId) throws Exception {
        var r = LocalRunSystemTest.HTTP.send(java.net.http.HttpRequest.newBuilder(LocalRunSystemTest.uri(INTAKE,
                        "/imports/" + importId + "/report.csv")).header("Authorization", "Bearer " + coordinator.get())
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return new Report(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }
}
