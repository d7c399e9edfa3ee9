package jp.tsunagu.support.http;

import jp.tsunagu.support.json.TextSafety;

/**
 * Text put into the HTML pages the services print (the year table, the minutes): escaped, never markup, and every
 * invisible formatting character shown as {@code [U+202E]} ({@link TextSafety#visible}), so that a bidi override in
 * a note cannot make a printed record read otherwise than it was written.
 */
public final class Html {

    private Html() {
    }

    /** The text as HTML text or attribute content; null as empty. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return TextSafety.visible(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
