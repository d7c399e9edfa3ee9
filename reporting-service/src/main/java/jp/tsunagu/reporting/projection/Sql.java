package jp.tsunagu.reporting.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of reporting's projections or figures. The SQL names its tables {@code {s}.table} so that the same
 * write lands in the live schema or in a replay's fresh schema, and a query reads either the same way; parameters
 * are {@code :a}, {@code :b}, … in the order of {@link #params()}.
 */
public record Sql(String sql, List<Object> params) {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final Pattern PARAM = Pattern.compile("(?<!:):([a-z])\\b");

    public static Sql of(String sql, Object... params) {
        return new Sql(sql, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(params))));
    }

    /** The SQL for a schema; only names this service makes itself are accepted (they end up in the statement). */
    public String in(String schema) {
        return sql.replace("{s}", checkedSchema(schema));
    }

    /** The SQL with JDBC's {@code ?} placeholders, for the replay's batches. */
    public String jdbcIn(String schema) {
        return PARAM.matcher(in(schema)).replaceAll("?");
    }

    /** The parameters in the order JDBC's placeholders appear. */
    public List<Object> jdbcParams() {
        List<Object> ordered = new ArrayList<>();
        Matcher m = PARAM.matcher(sql);
        while (m.find()) {
            ordered.add(params.get(m.group(1).charAt(0) - 'a'));
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
