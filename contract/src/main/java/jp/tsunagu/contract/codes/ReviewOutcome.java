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

    /**
     * Whether the outcome makes, revises or closes a plan (in a 重層的支援会議) or closes the case: what a correction of
     * the minutes cannot take back.
     */
    public boolean changesPlans() {
        return switch (this) {
            case PLAN, REPLAN, CLOSE -> true;
            case CONTINUE, WATCH, SHARE_INFO -> false;
        };
    }

    /** Whether the outcome adopts a plan, and so may carry its terms (wish, goals, review date). */
    public boolean adoptsPlan() {
        return this == PLAN || this == REPLAN;
    }
}
