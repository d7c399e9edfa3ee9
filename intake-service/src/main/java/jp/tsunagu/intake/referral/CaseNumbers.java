package jp.tsunagu.intake.referral;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.support.db.Database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running numbers behind 受付番号 ({@link CaseNumber}), one per municipality and fiscal year, in
 * {@code case_number_counter}. A live referral's case gets its number with {@link #forCase}, a statement committed
 * on its own before the referral's transaction opens: the counter's row lock is then held for that one statement,
 * not through the referral's seal, Kafka acknowledgement and indexes (which made a city's referrals wait for each
 * other). The same statement keeps the number by case id ({@code referral_case_number}), and the case id comes from
 * the Idempotency-Key: a repeated request, or the retry of one whose commit failed after Kafka acknowledged its
 * event, gets the number that event carries, and no other case is ever given it. Numbers never repeat, but may skip
 * (two first attempts of one key racing, or a referral refused for good after its number was drawn). The counters
 * live beside the data keys (which the log cannot rebuild either) and are backed up with them; the status view's
 * copy of each number is rebuilt from the referral events.
 */
@ApplicationScoped
public class CaseNumbers {

    private final Database database;

    public CaseNumbers(Database database) {
        this.database = database;
    }

    /**
     * The case's number: the one it was given before, else the next of the municipality's fiscal year, kept for the
     * case and committed at once. Must be called outside any transaction (it runs on a pooled connection of its own:
     * see {@link Database#firstAlone}).
     */
    public Uni<CaseNumber> forCase(String caseId, String municipality, FiscalYear year) {
        return database.firstAlone("""
                        with known as (select fiscal_year, sequence from referral_case_number where case_id = $3::varchar),
                        drawn as (
                            insert into case_number_counter(municipality, fiscal_year, last_value)
                            select $1::varchar, $2::integer, 1 where not exists (select 1 from known)
                            on conflict (municipality, fiscal_year)
                            do update set last_value = case_number_counter.last_value + 1
                            returning last_value),
                        kept as (
                            insert into referral_case_number(case_id, fiscal_year, sequence)
                            select $3::varchar, $2::integer, last_value from drawn
                            on conflict (case_id) do nothing
                            returning fiscal_year, sequence)
                        select fiscal_year, sequence from known union all select fiscal_year, sequence from kept""",
                        CaseNumbers::number, municipality, year.year(), caseId)
                // empty only when a first attempt of the same key kept its number in between: that one is the case's
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                        : database.firstAlone("select fiscal_year, sequence from referral_case_number where case_id = $1",
                                CaseNumbers::number, caseId).map(Optional::orElseThrow));
    }

    private static CaseNumber number(Row row) {
        return CaseNumber.of(new FiscalYear(row.getInteger(0)), row.getLong(1));
    }

    /**
     * The 受付番号 of a caseload import's rows of one fiscal year, by row key: a row that got one before (an earlier,
     * killed run of the same list) keeps it; the others get a block in the order given, reserved and written to
     * {@code import_case_number} in one statement of its own. Called outside any transaction, it commits at once, so
     * the import's transactions do not hold the counter's lock while they write, and a retried row sends the very
     * events it sent before. A number whose row never got written (the import failed for good) stays a gap.
     */
    public Uni<Map<String, CaseNumber>> forImportedRows(String municipality, FiscalYear year, List<String> rowKeys) {
        if (rowKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] keys = rowKeys.toArray(String[]::new);
        return imported(municipality, keys).chain(had -> {
            String[] missing = rowKeys.stream().filter(k -> !had.containsKey(k)).toArray(String[]::new);
            if (missing.length == 0) {
                return Uni.createFrom().item(had);
            }
            return database.updateAlone("""
                            with block as (
                                insert into case_number_counter(municipality, fiscal_year, last_value)
                                values ($1, $2, $3)
                                on conflict (municipality, fiscal_year)
                                do update set last_value = case_number_counter.last_value + $3
                                returning last_value)
                            insert into import_case_number(municipality, row_key, fiscal_year, sequence)
                            select $1, k.row_key, $2, block.last_value - $3 + k.ord
                              from block, unnest($4::varchar[]) with ordinality as k(row_key, ord)""",
                    municipality, year.year(), (long) missing.length, missing)
                    .chain(() -> imported(municipality, keys));
        });
    }

    private Uni<Map<String, CaseNumber>> imported(String municipality, String[] rowKeys) {
        return database.list("""
                        select row_key, fiscal_year, sequence from import_case_number
                         where municipality = $1 and row_key = any($2)""",
                row -> Map.entry(row.getString(0), CaseNumber.of(new FiscalYear(row.getInteger(1)), row.getLong(2))),
                municipality, rowKeys).map(found -> {
                    Map<String, CaseNumber> byKey = new HashMap<>();
                    found.forEach(e -> byKey.put(e.getKey(), e.getValue()));
                    return byKey;
                });
    }
}
