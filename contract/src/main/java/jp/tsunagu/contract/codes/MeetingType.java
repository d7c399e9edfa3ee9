package jp.tsunagu.contract.codes;

/** Coordination meetings of 多機関協働事業. */
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
}
