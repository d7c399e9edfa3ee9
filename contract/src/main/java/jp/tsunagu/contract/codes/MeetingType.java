package jp.tsunagu.contract.codes;

/**
 * Coordination meetings of 多機関協働事業, and the rules that follow from the kind of meeting: the one place every
 * service asks which meeting a case goes to, whether a meeting reviews cases and whether it may adopt a plan.
 */
public enum MeetingType implements Coded {
    JUUSOU_SHIEN_KAIGI("重層的支援会議"),
    SHIEN_KAIGI("支援会議"),
    KOUCHIKU_KAI("重層的な支援体制の構築を考える会"),
    DAIHYOUSHA_KAIGI("代表者会議");

    private final String label;

    MeetingType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The meeting a case is discussed in: a 重層的支援会議 needs the person's consent; without it (refused or not yet
     * asked) the case goes to a 支援会議, where members share information under a duty of confidentiality
     * (社会福祉法第106条の6).
     */
    public static MeetingType trackFor(Consent consent) {
        return consent == Consent.GIVEN ? JUUSOU_SHIEN_KAIGI : SHIEN_KAIGI;
    }

    /** Whether this meeting reviews cases (has an agenda); 考える会 and 代表者会議 discuss the system, not cases. */
    public boolean reviewsCases() {
        return this == JUUSOU_SHIEN_KAIGI || this == SHIEN_KAIGI;
    }

    /** Whether this meeting may adopt, revise or close a plan: only a 重層的支援会議 (no consent, no plan). */
    public boolean mayAdoptPlans() {
        return this == JUUSOU_SHIEN_KAIGI;
    }
}
