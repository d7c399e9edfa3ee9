package jp.tsunagu.contract.codes;

/**
 * 緊急度: the referral's urgency as the referrer gave it (通常 / 至急 / 緊急). 至急 shortens the acceptance deadline; it
 * stays with the case through declines and re-routings. Not the meeting's {@link EmergencyReview} (危険・緊急), which
 * only 緊急 with abuse or violence sets.
 */
public enum Urgency implements Coded {
    ROUTINE("通常"),
    URGENT("至急"),
    EMERGENCY("緊急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
