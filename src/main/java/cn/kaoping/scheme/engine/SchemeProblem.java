package cn.kaoping.scheme.engine;

/**
 * One thing wrong with a scheme document.
 *
 * @param line  1-based line in the file, or 0 when unknown
 * @param field path of the field such as {@code items[3].rules[0].points}; empty for the document
 */
public record SchemeProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + (field.isEmpty() ? "" : " " + field) + ": " + message;
    }
}
