package cn.kaoping.shared;

import java.util.List;

/** Input the caller can fix, field by field; shown in place on forms and as a 400 problem in the API. */
public class ValidationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "输入有误" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A problem with one field; a problem without a field name (the field itself was missing) names none. */
    public record FieldProblem(String field, String message) {
        public FieldProblem {
            field = field == null ? "" : field;
        }
    }
}
