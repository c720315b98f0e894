package cn.kaoping.platform.database;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for one bound parameter, used as {@code = ANY (CAST(:ids AS bigint[]))}: one statement
 * for any number of values instead of a statement (or an {@code IN} list) per value.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** {@code {1,2,3}} for ids; cast to {@code bigint[]} in the statement. */
    public static String ids(Collection<? extends Number> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * {@code {"a","b"}} with every element quoted, so commas, braces, quotes and backslashes inside the values
     * survive; cast to {@code text[]} (or {@code date[]} for ISO dates) in the statement.
     */
    public static String texts(Collection<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
