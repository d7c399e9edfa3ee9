package jp.tsunagu.contract.codes;

/** What a meeting decided about one case. */
public enum ReviewOutcome implements Coded {
    PLAN("プラン作成"),
    REPLAN("再プラン"),
    CLOSE("終結"),
    CONTINUE("継続"),
    WATCH("見守り"),
    SHARE_INFO("情報共有");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
