package jp.tsunagu.support.http;

/** Text put into the HTML pages the services print (the year table, the minutes): escaped, never markup. */
public final class Html {

    private Html() {
    }

    /** The text as HTML text or attribute content; null as empty. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
