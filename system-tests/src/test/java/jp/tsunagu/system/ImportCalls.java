package jp.tsunagu.system;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.PlanType;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static jp.tsunagu.system.HouseholdCalls.call;
import static jp.tsunagu.system.HouseholdCalls.expectJson;
import static jp.tsunagu.system.LocalRunSystemTest.HTTP;
import static jp.tsunagu.system.LocalRunSystemTest.INTAKE;
import static jp.tsunagu.system.LocalRunSystemTest.JSON;
import static jp.tsunagu.system.LocalRunSystemTest.REPORTING;
import static jp.tsunagu.system.LocalRunSystemTest.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public calls {@link ImportSystemTest} makes: intake's {@code /imports} (the file's raw bytes, then the job polled
 * until it ends), the municipality's cases of a fiscal year (intake's {@code GET /cases}) and the year's figures
 * (reporting). Every wait is an upper bound on polling, never a measure.
 */
final class ImportCalls {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The states a job ends in (the others, CHECKING and IMPORTING, are on the way). */
    static final Set<String> ENDED = Set.of("CHECKED", "CHECK_FAILED", "DONE", "REFUSED", "INTERRUPTED",
            "FAILED");
    /** Upper bound of one job: 2,000 rows take seconds; a slow machine gets minutes before the test gives up. */
    static final Duration JOB_LIMIT = Duration.ofMinutes(10);

    private ImportCalls() {
    }

    /** POST /imports with the file's bytes and its percent-encoded name, as the console and the CLI send it. */
    static HttpResponse<String> post(String token, String mode, boolean skipBadRows, String fileName, byte[] file,
                                     String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(INTAKE, "/imports?mode=" + mode + "&skipBadRows=" + skipBadRows))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "ja")
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .header("X-File-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a job: 202 with the job and {@code Location: /imports/{importId}}; returns the importId. */
    static String start(String token, String mode, boolean skipBadRows, String fileName, byte[] file,
                        String contentType) throws Exception {
        HttpResponse<String> r = post(token, mode, skipBadRows, fileName, file, contentType);
        JsonNode job = expectJson(202, r);
        String importId = job.path("importId").asText();
        assertTrue(!importId.isEmpty(), "the 202 names its job: " + r.body());
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/imports/" + importId), "Location " + location + " names the job " + importId);
        assertEquals(fileName, job.path("fileName").asText(), "the job keeps the file's name as sent (percent-decoded)");
        return importId;
    }

    static HttpResponse<String> job(String token, String importId) throws Exception {
        return call("GET", INTAKE, "/imports/" + importId, token, null);
    }

    /**
     * Polls the job (every 250 ms, at most {@link #JOB_LIMIT}) until it has ended; fails when it ended in another state
     * than {@code expected} (null: any end). Answers other than 200 (intake restarting) are polled through.
     */
    static JsonNode awaitEnd(Supplier<String> tokens, String importId, String expected) throws Exception {
        long deadline = System.nanoTime() + JOB_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r;
            try {
                r = job(tokens.get(), importId);
            } catch (java.io.IOException e) { // intake-service not listening yet
                last = e.toString();
                Thread.sleep(250);
                continue;
            }
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode job = JSON.readTree(r.body());
                if (ENDED.contains(job.path("state").asText())) {
                    if (expected != null) {
                        assertEquals(expected, job.path("state").asText(), "import " + importId + " ended: " + r.body());
                    }
                    return job;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("import " + importId + " did not end within " + JOB_LIMIT + "; last answer " + last);
    }

    /** Polls the job often until it is importing with some rows done and some still to do; returns that view. */
    static JsonNode awaitMidImport(Supplier<String> tokens, String importId) throws Exception {
        long deadline = System.nanoTime() + JOB_LIMIT.toNanos();
        JsonNode job = JSON.nullNode();
        while (System.nanoTime() < deadline) {
            job = expectJson(200, job(tokens.get(), importId));
            String state = job.path("state").asText();
            int done = job.path("rowsDone").asInt();
            if ("IMPORTING".equals(state) && done > 0 && done < job.path("rows").asInt()) {
                return job;
            }
            if (ENDED.contains(state)) {
                throw new AssertionError("import " + importId + " ended before it could be killed mid-way: " + job);
            }
            Thread.sleep(50); // each GET is an audited read: often enough to catch a group of 50 rows, no more
        }
        throw new AssertionError("import " + importId + " never had rows done within " + JOB_LIMIT + ": " + job);
    }

    /** The job's problems as (row, column header) pairs, each pair once (a cell may break two rules). */
    static Set<CaseloadSheet.Problem> problems(JsonNode job) {
        Set<CaseloadSheet.Problem> pairs = new LinkedHashSet<>();
        job.path("problems").forEach(p -> pairs.add(new CaseloadSheet.Problem(p.path("row").asInt(),
                p.path("column").asText())));
        return pairs;
    }

    /** Every case of the municipality received in the year (intake's GET /cases, page after page). */
    static List<JsonNode> cases(String token, FiscalYear year) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/cases?fiscalYear=" + year.label() + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = expectJson(200, call("GET", INTAKE, path, token, null));
            page.path("items").forEach(all::add);
            cursor = page.hasNonNull("next") ? page.path("next").asText() : null;
        } while (cursor != null);
        return all;
    }

    /**
     * The year's figures an import changes: the referrals received in it ({@code GET /reports/cases}), the cases it
     * supported and each plan type's plans made and closed ({@code GET /reports/fiscal-years}).
     */
    static Map<String, Integer> figures(String token, FiscalYear year) throws Exception {
        JsonNode cases = expectJson(200, call("GET", REPORTING, "/reports/cases?fiscalYear=" + year.label(), token,
                null)).path("year");
        JsonNode y = expectJson(200, call("GET", REPORTING, "/reports/fiscal-years?from=" + year.label() + "&to="
                + year.label(), token, null)).path("years").get(0);
        Map<String, Integer> figures = new LinkedHashMap<>();
        figures.put("referrals", cases.path("referrals").asInt());
        figures.put("casesSupported", y.path("casesSupported").asInt());
        for (PlanType t : PlanType.values()) {
            figures.put(t.name() + ".made", y.path("plans").path(t.name()).path("made").asInt());
            figures.put(t.name() + ".closed", y.path("plans").path(t.name()).path("closed").asInt());
        }
        return figures;
    }

    /** The figures before, each plus its change. */
    static Map<String, Integer> plus(Map<String, Integer> before, Map<String, Integer> change) {
        return HouseholdCalls.plus(before, change);
    }

    /** The routing outcomes reporting counts in a year (ROUTED, ACCEPTED, OVERDUE, ESCALATED, …), summed over agencies. */
    static Map<String, Integer> outcomes(String token, FiscalYear year) throws Exception {
        JsonNode byAgency = expectJson(200, call("GET", REPORTING, "/reports/cases?fiscalYear=" + year.label(), token,
                null)).path("year").path("routingByAgency");
        Map<String, Integer> sums = new java.util.TreeMap<>();
        byAgency.forEach(agency -> agency.properties().forEach(e -> sums.merge(e.getKey(), e.getValue().asInt(),
                Integer::sum)));
        return sums;
    }

    /** Whether intake has no case of the year in this status now (GET /cases?status=…, one item is enough). */
    static boolean noCaseIn(String token, FiscalYear year, String status) throws Exception {
        return expectJson(200, call("GET", INTAKE, "/cases?fiscalYear=" + year.label() + "&status=" + status
                + "&limit=1", token, null)).path("items").isEmpty();
    }

    /**
     * An imported case no agency answered (つなぎ先決定, or a 受付 row the live rules routed) is overdue at once, its
     * acceptBy long past, and is escalated as any other, dated today. Rather than leave that wave to routing's hourly
     * check, where it would land in the figures of whichever test runs then, this waits until routing has decided
     * every imported 受付 row, runs the check now, and waits until reporting has counted each overdue and its
     * escalation and intake shows no case of the list's year still waiting for an answer. Returns how many were
     * escalated.
     */
    static int settleOverdue(Supplier<String> tokens, FiscalYear listYear) throws Exception {
        awaitTrue("routing decides every imported 受付 row", () -> noCaseIn(tokens.get(), listYear, "RECEIVED"));
        FiscalYear thisYear = FiscalYear.of(jp.tsunagu.contract.codes.BusinessDate.today());
        Map<String, Integer> before = outcomes(tokens.get(), thisYear);
        int escalated = expectJson(200, call("POST", LocalRunSystemTest.ROUTING, "/routing/acceptance-check",
                tokens.get(), null)).path("escalated").asInt();
        awaitTrue("reporting counts the " + escalated + " overdue cases and their escalations", () -> {
            Map<String, Integer> now = outcomes(tokens.get(), thisYear);
            return now.getOrDefault("OVERDUE", 0) == before.getOrDefault("OVERDUE", 0) + escalated
                    && now.getOrDefault("ESCALATED", 0) == before.getOrDefault("ESCALATED", 0) + escalated;
        });
        awaitTrue("no imported case still waits for an answer", () -> noCaseIn(tokens.get(), listYear, "ROUTED"));
        return escalated;
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    /** Checks every 2 s, at most 10 minutes; fails naming what never came. */
    static void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError(what + ": not within 10 minutes");
    }

    /** Waits (every 2 s, at most 10 minutes) until the year's figures are the expected ones; fails with the last. */
    static void awaitFigures(Supplier<String> tokens, FiscalYear year, Map<String, Integer> expected, String what)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Map<String, Integer> now = Map.of();
        while (System.nanoTime() < deadline) {
            now = figures(tokens.get(), year);
            if (now.equals(expected)) {
                return;
            }
            Thread.sleep(2000);
        }
        assertEquals(expected, now, "the figures of " + year.label() + " " + what);
    }
}
