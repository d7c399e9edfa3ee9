package jp.tsunagu.contract.codes;

/** How a consultation reached the system. */
public enum Channel implements Coded {
    AGENCY("相談支援機関から"),
    OUTREACH("アウトリーチ"),
    WALK_IN("来所"),
    PHONE("電話"),
    SUPPORT_MEETING("支援会議から");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
