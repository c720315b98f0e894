package cn.kaoping.architecture;

import cn.kaoping.KaopingApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The application modules keep their boundaries; their documentation is written to docs/modules. */
class ModularityTests {

    /**
     * Test classes are not part of the architecture. Modulith leaves them out by Maven's usual folder
     * (target/test-classes); this also covers builds into another directory (-Dkaoping.build.dir).
     */
    private final ApplicationModules modules = ApplicationModules.of(KaopingApplication.class,
            com.tngtech.archunit.base.DescribedPredicate.describe("test classes", (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false)));

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        sortRelations(Path.of("docs/modules"));
        sortLists(Path.of("docs/modules"));
    }

    /** The documenter lists relations in no fixed order; sorted, the committed diagrams change only with the code. */
    private static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                Iterator<String> sorted = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().iterator();
                List<String> out = new ArrayList<>(lines.size());
                for (String line : lines) {
                    out.add(line.startsWith("Rel(") ? sorted.next() : line);
                }
                Files.write(file, out);
            }
        }
    }

    /**
     * The module canvases list bean references, events and components in no fixed order either: each run of bullet
     * lines in a table cell ({@code |* first}, {@code * next} …) is sorted, so running the tests leaves them as
     * committed.
     */
    private static void sortLists(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> out = new ArrayList<>(lines.size());
                int i = 0;
                while (i < lines.size()) {
                    String line = lines.get(i);
                    if (!line.startsWith("* ") && !line.startsWith("|* ")) {
                        out.add(line);
                        i++;
                        continue;
                    }
                    boolean cellStart = line.startsWith("|");
                    List<String> run = new ArrayList<>();
                    run.add(cellStart ? line.substring(1) : line);
                    i++;
                    while (i < lines.size() && lines.get(i).startsWith("* ")) {
                        run.add(lines.get(i++));
                    }
                    run.sort(null);
                    if (cellStart) {
                        run.set(0, "|" + run.get(0));
                    }
                    out.addAll(run);
                }
                Files.write(file, out);
            }
        }
    }
}
