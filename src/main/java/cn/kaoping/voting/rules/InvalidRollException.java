package cn.kaoping.voting.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A roll that cannot be counted, with every problem found. */
public class InvalidRollException extends RuntimeException {

    private final transient List<RollProblem> problems;

    public InvalidRollException(List<RollProblem> problems) {
        super(problems.stream().map(RollProblem::message).collect(Collectors.joining("；")));
        this.problems = List.copyOf(problems);
    }

    public List<RollProblem> problems() {
        return problems;
    }
}
