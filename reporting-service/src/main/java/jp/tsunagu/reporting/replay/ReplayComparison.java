package jp.tsunagu.reporting.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.reporting.figures.Facts;
import jp.tsunagu.reporting.figures.FigureDefinitions;
import jp.tsunagu.reporting.projection.Sql;
import jp.tsunagu.reporting.projection.SqlRunner;
import jp.tsunagu.support.db.SqlValues;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * Whether a replay's figures equal the live ones: the municipality's contract figures from the live schema and from
 * the replay's, fiscal year by fiscal year, and the replay's under other definitions when it was asked for them.
 */
@ApplicationScoped
class ReplayComparison {

    /** A year of figures is compared at most this far back from the latest year with events. */
    private static final int YEARS_BACK = 30;

    private final ObjectMapper json;
    private final String liveSchema;
    // one comparison at a time: it holds a municipality-year of facts, the heap's largest need (bench/run); two
    // replays load side by side, but their comparisons take turns
    private final Semaphore comparing = new Semaphore(1, true);

    ReplayComparison(ObjectMapper json, ReplaySchema schemas) {
        this.json = json;
        this.liveSchema = schemas.liveSchema();
    }

    /** Waits for its turn, then compares (the run's comparison start is marked when its turn comes). */
    ReplayRun.Outcome compare(Connection connection, SqlRunner replayed, ReplayRun run) throws Exception {
        comparing.acquire();
        try {
            run.comparisonStartedAt = java.time.Instant.now();
            return compare(connection, replayed, run.definitions, run.municipality);
        } finally {
            comparing.release();
        }
    }

    private ReplayRun.Outcome compare(Connection connection, SqlRunner replayed, FigureDefinitions definitions,
                                      String municipality) throws Exception {
        connection.setAutoCommit(true);
        SqlRunner live = new JdbcSqlRunner(connection, liveSchema);
        Map<String, LocalDate[]> spans = new TreeMap<>();
        for (SqlRunner db : List.of(live, replayed)) {
            for (Object[] r : db.query(Sql.of("""
                    select municipality, min(d), max(d) from (
                      select municipality, business_date d from {s}.case_event
                      union all select municipality, held_on from {s}.meeting_held
                      union all select municipality, business_date from {s}.plan_change
                      union all select municipality, business_date from {s}.routing_outcome) x
                    where municipality = :a group by municipality""", municipality)).await().indefinitely()) {
                LocalDate from = SqlValues.localDate(r[1]);
                LocalDate to = SqlValues.localDate(r[2]);
                spans.merge(((String) r[0]).trim(), new LocalDate[]{from, to}, (a, b) -> new LocalDate[]{
                        a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
        }
        Map<String, List<FigureComparison.Difference>> differences = new LinkedHashMap<>();
        Map<String, JsonNode> underDefinitions = new HashMap<>();
        boolean allEqual = true;
        for (Map.Entry<String, LocalDate[]> e : spans.entrySet()) { // the one municipality replayed, if it has events
            FiscalYear from = FiscalYear.of(e.getValue()[0]);
            FiscalYear to = FiscalYear.of(e.getValue()[1]);
            if (to.year() - from.year() > YEARS_BACK) {
                from = new FiscalYear(to.year() - YEARS_BACK);
            }
            // A year at a time: a municipality's facts of all years at once did not fit a 192 MB heap at 250,000
            // cases (bench/run, 1,000,000 events); one year's do, for live and replay side by side.
            Set<FigureComparison.Difference> diff = new LinkedHashSet<>();
            ObjectNode other = json.createObjectNode();
            for (int y = from.year(); y <= to.year(); y++) {
                FiscalYear year = new FiscalYear(y);
                // one side's facts at a time: a year of a large city's facts live and replayed together did not
                // fit reporting's heap (bench/run, 250,000 cases followed live); their figures are small
                JsonNode liveFigures = FigureComparison.figures(json,
                        Facts.load(live, municipality, year, year).await().indefinitely(), year, year,
                        FigureDefinitions.CONTRACT);
                Facts replayFacts = Facts.load(replayed, municipality, year, year).await().indefinitely();
                diff.addAll(FigureComparison.differences(municipality, liveFigures,
                        FigureComparison.figures(json, replayFacts, year, year, FigureDefinitions.CONTRACT)));
                if (!definitions.equals(FigureDefinitions.CONTRACT)) {
                    other.setAll((ObjectNode) FigureComparison.figures(json, replayFacts, year, year, definitions));
                }
            }
            differences.put(municipality, List.copyOf(diff));
            allEqual &= diff.isEmpty();
            if (!definitions.equals(FigureDefinitions.CONTRACT)) {
                underDefinitions.put(municipality, other);
            }
        }
        return new ReplayRun.Outcome(allEqual, differences, underDefinitions);
    }
}
