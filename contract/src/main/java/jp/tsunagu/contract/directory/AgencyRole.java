package jp.tsunagu.contract.directory;

import jp.tsunagu.contract.codes.Coded;

/** What an agency does in the support system; routing sends consultations only to CONSULTATION sites. */
public enum AgencyRole implements Coded {
    /** 包括的相談支援事業 (第1号): accepts and handles consultations of its field(s). */
    CONSULTATION("包括的相談支援"),
    /** アウトリーチ等を通じた継続的支援事業 (第4号). */
    OUTREACH("アウトリーチ等を通じた継続的支援"),
    /** 参加支援事業 (第2号). */
    PARTICIPATION("参加支援"),
    /** 多機関協働事業 (第5号): runs the coordination meetings. */
    COORDINATION("多機関協働");

    private final String label;

    AgencyRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
