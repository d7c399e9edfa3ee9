package jp.tsunagu.contract.codes;

/** A case's closed-loop status as its referrer sees it. */
public enum CaseStatus implements Coded {
    RECEIVED("受付"),
    ROUTED("つなぎ先決定"),
    ACCEPTED("受入"),
    DECLINED("受入辞退"),
    ESCALATED("多機関協働へ"),
    IN_OUTREACH("アウトリーチ中"),
    IN_MEETING("会議で検討中"),
    PLAN_ACTIVE("プラン実施中"),
    CLOSED("終結");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
