package jp.tsunagu.console.view;

import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.InboxState;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An agency's answer to a case as routing names it (InboxItem.state), with the label a person reads: the states and
 * labels are contract's {@link InboxState}, the one list routing answers with; the 受信箱's tabs are the same states,
 * asked for in lower case, plus すべて.
 */
public final class InboxStates {

    private static final Map<String, String> LABELS = Coded.labels(InboxState.class);

    private InboxStates() {
    }

    public static String label(String state) {
        return LABELS.getOrDefault(state, state);
    }

    /** The tabs of 受信箱: routing's {@code ?state=} value → label, in the order shown. */
    public static Map<String, String> tabs() {
        Map<String, String> tabs = new LinkedHashMap<>();
        LABELS.forEach((state, label) -> tabs.put(state.toLowerCase(Locale.ROOT), label));
        tabs.put("all", "すべて");
        return tabs;
    }
}
