package jp.tsunagu.intake.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.support.db.Database;

/**
 * The running numbers behind 受付番号 ({@link CaseNumber}), one per municipality and fiscal year, in
 * {@code case_number_counter}. {@link #next} runs in the transaction that claimed the referral's Idempotency-Key: a
 * repeat of the request finds the claim and never comes here, and the counter's row lock orders concurrent referrals
 * of one city and year. A referral that fails after taking its number rolls the number back with it unless another
 * referral took the next one meanwhile: numbers never repeat, but may skip. The counters live beside the data keys
 * (which the log cannot rebuild either) and are backed up with them; the status view's copy of each number is
 * rebuilt from the referral events.
 */
@ApplicationScoped
public class CaseNumbers {

    private final Database database;

    public CaseNumbers(Database database) {
        this.database = database;
    }

    /** The next number of the municipality's fiscal year. Must run inside the command's transaction. */
    public Uni<CaseNumber> next(String municipality, FiscalYear year) {
        return database.first("""
                        insert into case_number_counter(municipality, fiscal_year, last_value) values ($1, $2, 1)
                        on conflict (municipality, fiscal_year)
                        do update set last_value = case_number_counter.last_value + 1
                        returning last_value""", row -> row.getLong("last_value"), municipality, year.year())
                .map(last -> CaseNumber.of(year, last.orElseThrow()));
    }

    /**
     * A block of {@code count} numbers of the municipality's fiscal year, taken in a statement of its own: called
     * outside any transaction, it commits at once, so a caseload import's transactions do not hold the counter's lock
     * while they write. Answers the first; the import gives them in the order of its rows. A block an import took
     * and did not use (it failed, or a row was in already) stays a gap.
     */
    public Uni<CaseNumber> reserve(String municipality, FiscalYear year, int count) {
        return database.first("""
                        insert into case_number_counter(municipality, fiscal_year, last_value) values ($1, $2, $3)
                        on conflict (municipality, fiscal_year)
                        do update set last_value = case_number_counter.last_value + $3
                        returning last_value""", row -> row.getLong("last_value"), municipality, year.year(),
                        (long) count)
                .map(last -> CaseNumber.of(year, last.orElseThrow() - count + 1));
    }
}
