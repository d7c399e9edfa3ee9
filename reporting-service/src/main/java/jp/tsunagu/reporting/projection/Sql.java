package jp.tsunagu.reporting.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of reporting's projections or figures. The SQL names its tables {@code {s}.table} so that the same
 * write lands in the live schema or in a replay's fresh schema, and a query reads either the same way; parameters
 * are {@code :a}, {@code :b}, … in the order of {@link #params()}, or, in the multi-row statements
 * {@link #inBatches} makes, {@code ?1}, {@code ?2}, … in that order.
 */
public record Sql(String sql, List<Object> params) implements ReportingProjection.Write {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final Pattern PARAM = Pattern.compile("(?<!:):([a-z])\\b");
    /** An insert of one row that does nothing on conflict: rows of it can go in one statement. */
    private static final Pattern ONE_ROW_INSERT = Pattern.compile(
            "(?s)(insert into .*?\\)\\s*values\\s*)\\(([^()]*)\\)(\\s*on conflict do nothing)\\s*");
    private static final int ROWS_PER_STATEMENT = 1000;
    /**
     * The projections' statements are a few dozen constant texts, each run for every event: their placeholders are
     * worked out once per text, not by a regular expression per statement run (which was a third of a replay's
     * CPU). Multi-row statements ({@link #inBatches}) are not kept: their texts differ by the row count.
     */
    private static final Map<String, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final int MAX_SHAPES = 1000;
    private static final Set<String> CHECKED_SCHEMAS = ConcurrentHashMap.newKeySet();

    /**
     * A statement text's placeholders worked out: its JDBC and reactive-client forms ({@code {s}} still in them),
     * the parameters' positions in the order JDBC's placeholders appear, and, for an insert of one row that does
     * nothing on conflict, the parts a multi-row statement is built from.
     */
    private record Shape(String jdbc, String positional, int[] jdbcOrder, String insertHead, String insertTail) {

        static Shape of(String sql) {
            Matcher params = PARAM.matcher(sql);
            List<Integer> order = new ArrayList<>();
            while (params.find()) {
                order.add(params.group(1).charAt(0) - 'a');
            }
            Matcher insert = ONE_ROW_INSERT.matcher(sql);
            return new Shape(PARAM.matcher(sql).replaceAll("?"),
                    PARAM.matcher(sql).replaceAll(m -> "\\$" + (m.group(1).charAt(0) - 'a' + 1)),
                    order.stream().mapToInt(Integer::intValue).toArray(),
                    insert.matches() ? insert.group(1) : null, insert.matches() ? insert.group(3) : null);
        }
    }

    public static Sql of(String sql, Object... params) {
        return new Sql(sql, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(params))));
    }

    /** The SQL for a schema; only names this service makes itself are accepted (they end up in the statement). */
    public String in(String schema) {
        return withSchema(sql, schema);
    }

    private static String withSchema(String text, String schema) {
        return text.replace("{s}", checkedSchema(schema));
    }

    /** The SQL with JDBC's {@code ?} placeholders, for the replay's batches. */
    public String jdbcIn(String schema) {
        return withSchema(ordinal() ? ordinalsAs(false) : shape().jdbc(), schema);
    }

    /**
     * The SQL with the reactive PostgreSQL client's {@code $1, $2, …} placeholders, which take {@link #params()} in
     * their order: {@code :a} becomes {@code $1}, {@code :b} {@code $2}, … (a letter used twice, its number twice),
     * {@code ?1} becomes {@code $1}.
     */
    public String positional(String schema) {
        return withSchema(ordinal() ? ordinalsAs(true) : shape().positional(), schema);
    }

    /** Whether the parameters are {@code ?1}, {@code ?2}, … (a multi-row statement) rather than {@code :a}, …. */
    public boolean ordinal() {
        for (int i = sql.indexOf('?'); i >= 0 && i + 1 < sql.length(); i = sql.indexOf('?', i + 1)) {
            if (isAsciiDigit(sql.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The parameters in the order JDBC's placeholders appear. */
    public List<Object> jdbcParams() {
        if (ordinal()) {
            return params;
        }
        int[] order = shape().jdbcOrder();
        List<Object> ordered = new ArrayList<>(order.length);
        for (int position : order) {
            ordered.add(params.get(position));
        }
        return ordered;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9'; // as \d was: a full-width digit is not a placeholder's number
    }

    private Shape shape() {
        Shape kept = SHAPES.get(sql);
        if (kept != null) {
            return kept;
        }
        // a text built per call would otherwise grow the map without end: past the bound it is worked out each time
        return SHAPES.size() < MAX_SHAPES ? SHAPES.computeIfAbsent(sql, Shape::of) : Shape.of(sql);
    }

    /** {@code ?1}, {@code ?2}, … as {@code $1}, {@code $2}, … or as JDBC's bare {@code ?}. */
    private String ordinalsAs(boolean dollars) {
        StringBuilder out = new StringBuilder(sql.length());
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?' && i + 1 < sql.length() && isAsciiDigit(sql.charAt(i + 1))) {
                out.append(dollars ? '$' : '?');
                if (!dollars) {
                    while (i + 1 < sql.length() && isAsciiDigit(sql.charAt(i + 1))) {
                        i++;
                    }
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The writes of a batch of events in the order to run them: one statement after another in the order each first
     * appears, its writes in their order, and the rows of each insert that does nothing on conflict in one multi-row
     * statement (up to 1,000 rows each). Different statements write different tables (all case_fact changes are one
     * upsert, which stays a row at a time), so this gives what running the writes one by one gives, with one
     * dependency, which the order keeps: the case_fact upsert reads an event's recorded time from case_event, whose
     * insert comes first among an event's writes.
     */
    public static List<Sql> inBatches(List<Sql> writes) {
        List<Sql> ordered = new ArrayList<>();
        for (List<Sql> same : byStatement(writes)) {
            Shape shape = same.size() == 1 || same.get(0).ordinal() ? null : same.get(0).shape();
            if (shape == null || shape.insertHead() == null) {
                ordered.addAll(same);
                continue;
            }
            for (int from = 0; from < same.size(); from += ROWS_PER_STATEMENT) {
                List<Sql> rows = same.subList(from, Math.min(same.size(), from + ROWS_PER_STATEMENT));
                StringBuilder text = new StringBuilder(shape.insertHead());
                List<Object> params = new ArrayList<>();
                for (Sql row : rows) {
                    text.append(params.isEmpty() ? "(" : ", (");
                    List<Object> values = row.jdbcParams();
                    for (int i = 0; i < values.size(); i++) {
                        params.add(values.get(i));
                        text.append(i == 0 ? "" : ", ").append('?').append(params.size());
                    }
                    text.append(')');
                }
                ordered.add(new Sql(text.append(shape.insertTail()).toString(), Collections.unmodifiableList(params)));
            }
        }
        return ordered;
    }

    /** The writes by statement text, each text's in their order, the texts in the order each first appears. */
    public static Collection<List<Sql>> byStatement(List<Sql> writes) {
        Map<String, List<Sql>> byStatement = new LinkedHashMap<>();
        for (Sql w : writes) {
            byStatement.computeIfAbsent(w.sql(), k -> new ArrayList<>()).add(w);
        }
        return byStatement.values();
    }

    public static String checkedSchema(String schema) {
        if (schema == null || !CHECKED_SCHEMAS.contains(schema) && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name this service uses: " + schema);
        }
        CHECKED_SCHEMAS.add(schema);
        return schema;
    }
}
