package jp.tsunagu.reporting.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final Pattern ORDINAL = Pattern.compile("\\?(\\d+)");
    /** An insert of one row that does nothing on conflict: rows of it can go in one statement. */
    private static final Pattern ONE_ROW_INSERT = Pattern.compile(
            "(?s)(insert into .*?\\)\\s*values\\s*)\\(([^()]*)\\)(\\s*on conflict do nothing)\\s*");
    private static final int ROWS_PER_STATEMENT = 1000;

    public static Sql of(String sql, Object... params) {
        return new Sql(sql, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(params))));
    }

    /** The SQL for a schema; only names this service makes itself are accepted (they end up in the statement). */
    public String in(String schema) {
        return sql.replace("{s}", checkedSchema(schema));
    }

    /** The SQL with JDBC's {@code ?} placeholders, for the replay's batches. */
    public String jdbcIn(String schema) {
        return ORDINAL.matcher(PARAM.matcher(in(schema)).replaceAll("?")).replaceAll("?");
    }

    /**
     * The SQL with the reactive PostgreSQL client's {@code $1, $2, …} placeholders, which take {@link #params()} in
     * their order: {@code :a} becomes {@code $1}, {@code :b} {@code $2}, … (a letter used twice, its number twice),
     * {@code ?1} becomes {@code $1}.
     */
    public String positional(String schema) {
        String text = in(schema);
        if (ordinal()) {
            return ORDINAL.matcher(text).replaceAll("\\$$1");
        }
        return PARAM.matcher(text).replaceAll(m -> "\\$" + (m.group(1).charAt(0) - 'a' + 1));
    }

    /** Whether the parameters are {@code ?1}, {@code ?2}, … (a multi-row statement) rather than {@code :a}, …. */
    public boolean ordinal() {
        return ORDINAL.matcher(sql).find();
    }

    /** The parameters in the order JDBC's placeholders appear. */
    public List<Object> jdbcParams() {
        if (ordinal()) {
            return params;
        }
        List<Object> ordered = new ArrayList<>();
        Matcher m = PARAM.matcher(sql);
        while (m.find()) {
            ordered.add(params.get(m.group(1).charAt(0) - 'a'));
        }
        return ordered;
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
        Map<String, List<Sql>> byStatement = new LinkedHashMap<>();
        for (Sql w : writes) {
            byStatement.computeIfAbsent(w.sql(), k -> new ArrayList<>()).add(w);
        }
        List<Sql> ordered = new ArrayList<>();
        for (List<Sql> same : byStatement.values()) {
            Matcher insert = ONE_ROW_INSERT.matcher(same.get(0).sql());
            if (same.size() == 1 || !insert.matches()) {
                ordered.addAll(same);
                continue;
            }
            for (int from = 0; from < same.size(); from += ROWS_PER_STATEMENT) {
                List<Sql> rows = same.subList(from, Math.min(same.size(), from + ROWS_PER_STATEMENT));
                StringBuilder text = new StringBuilder(insert.group(1));
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
                ordered.add(new Sql(text.append(insert.group(3)).toString(), Collections.unmodifiableList(params)));
            }
        }
        return ordered;
    }

    public static String checkedSchema(String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name this service uses: " + schema);
        }
        return schema;
    }
}
