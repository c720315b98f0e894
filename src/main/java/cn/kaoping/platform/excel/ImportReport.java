package cn.kaoping.platform.excel;

import java.util.List;

/** The outcome of an import: every problem found, or how many rows were imported. A file with problems imports nothing. */
public record ImportReport(int rowsRead, int imported, List<ImportProblem> problems) {

    public static ImportReport failed(int rowsRead, List<ImportProblem> problems) {
        return new ImportReport(rowsRead, 0, List.copyOf(problems));
    }

    public static ImportReport succeeded(int imported) {
        return new ImportReport(imported, imported, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
