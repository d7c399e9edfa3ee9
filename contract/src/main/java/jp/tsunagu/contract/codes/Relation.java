package jp.tsunagu.contract.codes;

/** A household member's relation to the person consulted about. */
public enum Relation implements Coded {
    PARENT("親"),
    CHILD("子"),
    SPOUSE("配偶者"),
    SIBLING("きょうだい"),
    GRANDPARENT("祖父母"),
    GRANDCHILD("孫"),
    OTHER("その他");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
