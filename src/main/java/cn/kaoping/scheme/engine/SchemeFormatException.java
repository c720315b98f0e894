package cn.kaoping.scheme.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A scheme document that cannot be loaded; lists every problem found with file, line and field. */
public class SchemeFormatException extends RuntimeException {

    private final transient List<SchemeProblem> problems;

    public SchemeFormatException(List<SchemeProblem> problems) {
        super(problems.size() + " problem(s): "
                + problems.stream().map(SchemeProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SchemeProblem> problems() {
        return problems;
    }
}
