package jp.tsunagu.contract.household;

import jp.tsunagu.contract.codes.CaseNumber;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How people name a household (世帯): 世帯（R8-000001・R8-000007）, by its members' 受付番号 in the order they were
 * received (fiscal year, then number; R10 after R9), so the same household reads the same on every screen, in every
 * error and on the printed 議事録. The one place this is decided: services send the label, the console shows it.
 */
public final class HouseholdLabel {

    /** What stands for a member case received before case numbers were given. */
    public static final String NO_NUMBER = "受付番号なし";

    private static final Comparator<String> RECEIVED_ORDER = Comparator.nullsLast(
            Comparator.comparing(HouseholdLabel::parsed, Comparator.nullsLast(
                    Comparator.<CaseNumber>comparingInt(n -> n.fiscalYear().year())
                            .thenComparingLong(CaseNumber::sequence)))
                    .thenComparing(Comparator.naturalOrder()));

    private HouseholdLabel() {
    }

    /** The label of a household whose member cases (those named: all, or the ones on one meeting) bear these numbers. */
    public static String of(Collection<String> caseNumbers) {
        return "世帯（" + caseNumbers.stream().sorted(RECEIVED_ORDER)
                .map(n -> Objects.requireNonNullElse(n, NO_NUMBER))
                .collect(Collectors.joining("・")) + "）";
    }

    private static CaseNumber parsed(String number) {
        try {
            return CaseNumber.parse(number);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
