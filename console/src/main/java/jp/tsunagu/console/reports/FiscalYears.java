package jp.tsunagu.console.reports;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.contract.codes.FiscalYear;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 年度 a report page offers, named as a city writes them (令和6年度), from the contract's {@link FiscalYear}:
 * the current one and the nine before it. What a year holds is reporting's to say.
 */
public final class FiscalYears {

    /** Years offered back from the current one. */
    static final int OFFERED = 10;
    /** Years in the table unless she chooses others: the current one and the three before it. */
    static final int SHOWN = 4;

    private FiscalYears() {
    }

    /** A year she can choose: its value in the URL (2024) and its name (令和6年度). */
    @TemplateData
    public record Choice(int year, String label) {
    }

    /** Newest first. */
    public static List<Choice> offered(FiscalYear current) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < OFFERED; i++) {
            FiscalYear y = new FiscalYear(current.year() - i);
            choices.add(new Choice(y.year(), y.japaneseLabel()));
        }
        return choices;
    }

    /** A year from the URL (2024, R6 or 令和6年度), or empty when there is none or it cannot be read. */
    public static Optional<FiscalYear> read(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FiscalYear.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The table's years: as chosen, else the last {@link #SHOWN} up to the current one; from before to. */
    public static FiscalYear[] span(String from, String to, FiscalYear current) {
        FiscalYear t = read(to).orElse(current);
        FiscalYear f = read(from).orElse(new FiscalYear(t.year() - (SHOWN - 1)));
        return f.compareTo(t) <= 0 ? new FiscalYear[]{f, t} : new FiscalYear[]{t, f};
    }
}
