package cn.kaoping.voting.rules;

/**
 * Why a roll cannot be counted.
 *
 * @param index the unit's position in the roll, or -1 for the roll as a whole
 * @param field {@code unit}, {@code area}, {@code ballot} or {@code units}
 */
public record RollProblem(int index, String field, String message) {
}
