package cn.kaoping.scheme.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Facts that cannot be evaluated against a scheme; lists every problem, not just the first. */
public class InvalidFactsException extends RuntimeException {

    private final transient List<FactProblem> problems;

    public InvalidFactsException(List<FactProblem> problems) {
        super(problems.stream().map(FactProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FactProblem> problems() {
        return problems;
    }
}
