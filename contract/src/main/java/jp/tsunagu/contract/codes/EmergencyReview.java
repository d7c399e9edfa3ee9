package jp.tsunagu.contract.codes;

/**
 * 危険・緊急: whether a case passed to 多機関協働事業 waits for its track's next regular meeting or is reviewed now, at
 * an ad-hoc 支援会議 (緊急 with abuse or violence). Not the referral's {@link Urgency}: a 至急 referral keeps its
 * urgency through declines, and meeting-service finds it a meeting within the city's urgent window
 * ({@code AgendaDecider.soonMeeting}) unless it is also an emergency.
 */
public enum EmergencyReview implements Coded {
    /** The track's next regular meeting (定例の会議). */
    REGULAR("定例の会議で検討"),
    /** 危険・緊急: 緊急 with abuse or violence; an ad-hoc 支援会議 is called now. */
    EMERGENCY("危険・緊急（臨時の支援会議）");

    private final String label;

    EmergencyReview(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The marker for a yes/no answer (e.g. a record written before this type existed). */
    public static EmergencyReview of(boolean emergency) {
        return emergency ? EMERGENCY : REGULAR;
    }

    /** Whether an ad-hoc 支援会議 is called now. */
    public boolean adHocNow() {
        return this == EMERGENCY;
    }
}
