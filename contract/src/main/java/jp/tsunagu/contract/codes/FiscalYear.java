package jp.tsunagu.contract.codes;

import java.time.LocalDate;
import java.time.Month;

/**
 * 年度: April 1 to March 31, named by the calendar year it starts in (2024) or by its Japanese era label (R6 = 令和6年度
 * = April 2024 – March 2025). Every yearly figure is counted by the business date of its event.
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

    /** 令和元年度 began in April 2019. */
    private static final int REIWA_OFFSET = 2018;

    public FiscalYear {
        if (year < 1989 || year > 9999) {
            throw new IllegalArgumentException("fiscal year out of range: " + year);
        }
    }

    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** {@code 2024} or {@code R6} (also {@code 令和6}). */
    public static FiscalYear parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.matches("\\d{4}")) {
                return new FiscalYear(Integer.parseInt(t));
            }
            if (t.matches("[Rr]\\d{1,2}")) {
                return new FiscalYear(Integer.parseInt(t.substring(1)) + REIWA_OFFSET);
            }
            if (t.matches("令和\\d{1,2}(年度)?")) {
                return new FiscalYear(Integer.parseInt(t.replaceAll("\\D", "")) + REIWA_OFFSET);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("a fiscal year is written 2024 or R6");
    }

    public LocalDate start() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    public LocalDate end() {
        return LocalDate.of(year + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** R6 for 2024 (years before 令和 are written as numbers). */
    public String label() {
        return year > REIWA_OFFSET ? "R" + (year - REIWA_OFFSET) : String.valueOf(year);
    }

    /** 令和6年度 as a city writes it (令和元年度 for 2019, 平成30年度 for 2018). */
    public String japaneseLabel() {
        if (year > REIWA_OFFSET) {
            return "令和" + (year == REIWA_OFFSET + 1 ? "元" : String.valueOf(year - REIWA_OFFSET)) + "年度";
        }
        return year >= 1989 ? "平成" + (year == 1989 ? "元" : String.valueOf(year - 1988)) + "年度" : year + "年度";
    }

    public FiscalYear next() {
        return new FiscalYear(year + 1);
    }

    @Override
    public int compareTo(FiscalYear o) {
        return Integer.compare(year, o.year);
    }
}
