package jp.tsunagu.contract.codes;

/** What routing decided (the routing view's {@code decision}). */
public enum RoutingDecision implements Coded {
    ROUTED("つなぎ"),
    ESCALATED("多機関協働事業へ"),
    OUTREACH("アウトリーチ");

    private final String label;

    RoutingDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
