package jp.tsunagu.contract.codes;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a case stands in an agency's 受信箱 (routing-service's {@code InboxItem.state}, asked for in lower case with
 * {@code ?state=}): the one list of the states, read by routing and by the console's tabs and labels.
 */
public enum InboxState implements Coded {
    /** The agency's answer is due. */
    AWAITING("回答待ち"),
    ACCEPTED("受理済み"),
    DECLINED("辞退済み"),
    /** Not answered by the deadline: passed to multi-agency coordination. */
    EXPIRED("期限切れ（多機関協働へ）"),
    /** The case was joined to the same person's earlier case (duplicate-confirmed): no answer is awaited any more. */
    JOINED("取り下げ（同一人物の案件に統合）");

    private final String label;

    InboxState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The state a {@code ?state=} value names (lower or upper case), if any. */
    public static Optional<InboxState> ofParameter(String value) {
        return Coded.parse(InboxState.class, value == null ? null : value.strip().toUpperCase(Locale.ROOT));
    }
}
