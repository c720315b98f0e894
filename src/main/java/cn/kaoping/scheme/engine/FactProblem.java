package cn.kaoping.scheme.engine;

/**
 * One thing wrong with a submitted fact.
 *
 * @param index position of the fact in the submitted list, from 0
 * @param rule  the fact's rule code as submitted (may be {@code null})
 * @param message a Chinese sentence for the person who entered the fact
 */
public record FactProblem(int index, String rule, String message) {

    @Override
    public String toString() {
        return "facts[" + index + "] (" + rule + "): " + message;
    }
}
