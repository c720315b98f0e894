package cn.kaoping.platform.excel;

/** One thing wrong with an imported file: the row as Excel numbers it (0 for the file itself), the column, why. */
public record ImportProblem(int row, String column, String message) {
}
