package jp.tsunagu.console.view;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agency's answer to a case as routing names it (InboxItem.state), with the label a person reads; the 受信箱's
 * tabs are the same states, asked for in lower case, plus すべて.
 */
public final class InboxStates {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("AWAITING", "回答待ち");
        LABELS.put("ACCEPTED", "受理済み");
        LABELS.put("DECLINED", "辞退済み");
        LABELS.put("EXPIRED", "期限切れ（多機関協働へ）");
    }

    private InboxStates() {
    }

    public static String label(String state) {
        return LABELS.getOrDefault(state, state);
    }

    /** The tabs of 受信箱: routing's {@code ?state=} value → label, in the order shown. */
    public static Map<String, String> tabs() {
        Map<String, String> tabs = new LinkedHashMap<>();
        LABELS.forEach((state, label) -> tabs.put(state.toLowerCase(java.util.Locale.ROOT), label));
        tabs.put("all", "すべて");
        return tabs;
    }
}
