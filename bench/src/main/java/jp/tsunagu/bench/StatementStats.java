package jp.tsunagu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which statements PostgreSQL spends its time on, per referral (or per 1,000 events of a replay): pg_stat_statements
 * of the bench's own database, reset just before the window and read after it. Through JDBC, because a fresh machine
 * has no psql; the server must have been started with the library preloaded ({@code TSUNAGU_DB_STATEMENT_STATS=true}).
 */
final class StatementStats {

    private final String url;

    StatementStats(String url) {
        this.url = url;
    }

    /** Creates the extension if it is not there yet, then forgets every statement counted so far. */
    void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The {@code top} statements of the {@code tsunagu} database by total time, with calls and milliseconds per
     * {@code unit} ({@code perItems} of them in the window: referrals, or thousands of a replay's events). The
     * identity provider's database shares the server; its statements are left out, and so are this class's own.
     * With {@code byText}, the entries of one text are added up.
     */
    List<String> top(int top, long perItems, String unit, boolean byText) throws SQLException {
        String per = unit.equals("referral") ? "ref" : unit.equals("1,000 events") ? "kev" : "unit";
        // PostgreSQL counts a statement apart for each set of tables it names: the services' same text in their own
        // schemas stays apart (what each spends), and byText adds up a text's entries (each replay makes its tables
        // anew, and its statements would count apart per replay)
        String sql = """
                select sum(calls), sum(total_exec_time), sum(rows), query, min(min_exec_time) from pg_stat_statements
                 where dbid = (select oid from pg_database where datname = current_database())
                   and query not like '%pg_stat_statements%'
                 group by {group} order by 2 desc limit ?"""
                .replace("{group}", byText ? "query" : "queryid, userid, query");
        List<String> lines = new ArrayList<>();
        double all = 0;
        try (Connection c = connect()) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                    select coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0) from pg_stat_statements
                     where dbid = (select oid from pg_database where datname = current_database())
                   and query not like '%pg_stat_statements%'""")) {
                r.next();
                all = r.getDouble(1);
                lines.add(String.format("PostgreSQL statements in the window (%s): %.2f ms and %.1f calls per %s in "
                        + "all; the top %d by total time:", unit.equals("referral") ? perItems + " referrals"
                        : perItems + " × " + unit, all / perItems,
                        r.getDouble(2) / perItems, unit, top));
            }
            // a call's least time beside its mean: a mean far above it is waiting (a lock, the other busy core)
            lines.add(String.format("%9s %9s %9s %6s %9s %9s  %s", "calls/" + per, "rows/" + per, "ms/" + per,
                    "share", "min ms", "mean ms", "statement"));
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setInt(1, top);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        double ms = r.getDouble(2);
                        lines.add(String.format("%9.2f %9.2f %9.3f %5.1f%% %9.3f %9.3f  %s",
                                r.getLong(1) / (double) perItems, r.getLong(3) / (double) perItems, ms / perItems,
                                all == 0 ? 0 : 100 * ms / all, r.getDouble(5), ms / Math.max(1, r.getLong(1)),
                                oneLine(r.getString(4), 100)));
                    }
                }
            }
        }
        return lines;
    }

    /** A statement on one line (its whitespace collapsed), cut to {@code max} characters. */
    static String oneLine(String query, int max) {
        String line = query.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }
}
