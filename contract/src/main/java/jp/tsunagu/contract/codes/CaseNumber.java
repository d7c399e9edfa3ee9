package jp.tsunagu.contract.codes;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 受付番号: the number people read and say instead of a case's UUID, {@code R8-000123} — the fiscal year the referral
 * was received in ({@link FiscalYear#label()}, 令和 years as {@code R<n>}) and that year's running number in the city.
 * Numbers are unique per municipality and fiscal year, not across cities: a case number alone names a case only within
 * one municipality.
 */
public record CaseNumber(FiscalYear fiscalYear, long sequence) {

    /** Six digits are printed; a city receiving more than 999,999 referrals in a year gets wider numbers, not a wrap. */
    private static final int DIGITS = 6;

    private static final Pattern FORM = Pattern.compile("R(\\d{1,2})-(\\d{1,9})");

    public CaseNumber {
        if (fiscalYear == null) {
            throw new IllegalArgumentException("a case number needs its fiscal year");
        }
        if (fiscalYear.label().charAt(0) != 'R') {
            throw new IllegalArgumentException("case numbers began in 令和: " + fiscalYear.year());
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
        if (m.matches() && m.group(2).length() >= DIGITS && (m.group(2).length() == DIGITS
                || m.group(2).charAt(0) != '0')) {
            try {
                return new CaseNumber(FiscalYear.parse("R" + Integer.parseInt(m.group(1))),
                        Long.parseLong(m.group(2)));
            } catch (IllegalArgumentException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("a case number is written R8-000123");
    }

    /** {@code R8-000123}. */
    @Override
    public String toString() {
        return fiscalYear.label() + "-" + String.format(Locale.ROOT, "%0" + DIGITS + "d", sequence);
    }
}
