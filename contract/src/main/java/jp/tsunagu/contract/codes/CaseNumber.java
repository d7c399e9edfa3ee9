package jp.tsunagu.contract.codes;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 受付番号: the number people read and say instead of a case's UUID, {@code R8-000123} — the fiscal year the referral
 * was received in (令和 years as {@code R<n>}; a referral recorded late with a 受付日 before 令和, which intake accepts back
 * to 2000, as 平成 {@code H<n>}) and that year's running number in the city.
 * Numbers are unique per municipality and fiscal year, not across cities: a case number alone names a case only within
 * one municipality.
 */
public record CaseNumber(FiscalYear fiscalYear, long sequence) {

    /** Six digits are printed; a city receiving more than 999,999 referrals in a year gets wider numbers, not a wrap. */
    private static final int DIGITS = 6;

    private static final Pattern FORM = Pattern.compile("([RH])(\\d{1,2})-(\\d{1,9})");
    private static final int REIWA_OFFSET = 2018;
    private static final int HEISEI_OFFSET = 1988;

    public CaseNumber {
        if (fiscalYear == null) {
            throw new IllegalArgumentException("a case number needs its fiscal year");
        }
        if (fiscalYear.year() <= HEISEI_OFFSET) {
            throw new IllegalArgumentException("case numbers name 平成 and 令和 years: " + fiscalYear.year());
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("a case number's sequence starts at 1: " + sequence);
        }
    }

    public static CaseNumber of(FiscalYear fiscalYear, long sequence) {
        return new CaseNumber(fiscalYear, sequence);
    }

    /**
     * {@code R8-000123}; full-width letters and digits (Ｒ８－０００１２３) are read as their half-width forms, since people
     * copy numbers from Japanese documents. Otherwise strict: the R must be upper case, the hyphen present and the
     * number's digits all written ({@code R8-123} is not the printed form and is refused).
     *
     * @throws IllegalArgumentException with a message saying how a case number is written
     */
    public static CaseNumber parse(String text) {
        String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        // NFKC turns Ｒ into R and ８ into 8, but the full-width hyphen-minus and the Japanese long dashes people type stay
        // as they are: read the usual ones as the hyphen.
        t = t.replace('－', '-').replace('‐', '-').replace('−', '-').replace('ー', '-');
        Matcher m = FORM.matcher(t);
        if (m.matches() && m.group(3).length() >= DIGITS && (m.group(3).length() == DIGITS
                || m.group(3).charAt(0) != '0')) {
            try {
                int eraYear = Integer.parseInt(m.group(2));
                boolean reiwa = m.group(1).equals("R");
                if (eraYear < 1 || (!reiwa && eraYear > REIWA_OFFSET - HEISEI_OFFSET)) {
                    throw new IllegalArgumentException("no such year");
                }
                return new CaseNumber(FiscalYear.parse(String.valueOf(eraYear + (reiwa ? REIWA_OFFSET
                        : HEISEI_OFFSET))), Long.parseLong(m.group(3)));
            } catch (IllegalArgumentException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("a case number is written R8-000123");
    }

    /** {@code R8-000123}. */
    @Override
    public String toString() {
        int year = fiscalYear.year();
        String era = year > REIWA_OFFSET ? "R" + (year - REIWA_OFFSET) : "H" + (year - HEISEI_OFFSET);
        return era + "-" + String.format(Locale.ROOT, "%0" + DIGITS + "d", sequence);
    }
}
