package cn.kaoping.ranking.internal;

import cn.kaoping.platform.database.SqlArrays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of PostgreSQL's COPY text format: columns separated by a tab, {@code \N} for null, backslash, tab, newline
 * and carriage return escaped; arrays as {@code {"a","b"}} literals. Decimals are written with
 * {@link BigDecimal#toPlainString()}, so no value passes through binary floating point.
 */
final class CopyRow {

    private final StringBuilder out;
    private boolean first = true;

    CopyRow(StringBuilder out) {
        this.out = out;
    }

    CopyRow add(Object value) {
        if (!first) {
            out.append('\t');
        }
        first = false;
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof Number || value instanceof LocalDate || value instanceof OffsetDateTime) {
            out.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A text array; its elements are quoted, so commas, braces and quotes inside them survive. */
    CopyRow addArray(List<String> values) {
        return add(SqlArrays.texts(values));
    }

    void end() {
        out.append('\n');
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
