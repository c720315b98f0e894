package cn.kaoping.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Wide records are built by name (ADR 0015): a record of {@value #WIDE} or more components either declares a nested
 * {@code Builder}, and then nothing in src/main/java calls its constructor but its own declaration (the builder's
 * {@code build()}), or its constructor is called from one place in src/main/java (its row mapper, its factory), so
 * no second positional list of the same components can drift from the first. Row mappers read columns by name.
 *
 * <p>Reads the sources as text (no Spring, no compiled classes): comments, strings and text blocks are blanked
 * first, and {@code new R(…)} and {@code R::new} are attributed to a record by its qualified or imported name.
 */
class WideRecordsTests {

    static final int WIDE = 12;
    private static Sources main;

    /** src/main/java, read once for all the tests. */
    private static synchronized Sources main() {
        if (main == null) {
            main = Sources.read(Path.of("src/main/java"));
        }
        return main;
    }

    /**
     * Wide records of modules other work is changing at the time of ADR 0015, which it left as they were: each is
     * built positionally in more than one place. An entry must still break the rule (the test below says when it is
     * to be removed).
     */
    static final Map<String, String> PENDING = Map.of(
            "cn.kaoping.rectification.NoticeIssued", "rectification: the event, built in NoticeTransitions and by"
                    + " the demo's DemoEscalation");

    @Test
    void everyWideRecordHasABuilderOrOneConstructorCall() {
        Sources sources = main();
        List<String> offences = new ArrayList<>();
        sources.wideRecords().stream().filter(r -> !PENDING.containsKey(r.name())).forEach(r -> {
            String offence = offence(r, sources.callSites(r));
            if (offence != null) {
                offences.add(offence);
            }
        });
        assertThat(offences).as("wide records built by position in more than one place (ADR 0015)").isEmpty();
    }

    @Test
    void pendingRecordsAreStillWideAndStillBuiltInSeveralPlaces() {
        Sources sources = main();
        Map<String, WideRecord> wide = sources.wideRecords().stream()
                .collect(Collectors.toMap(WideRecord::name, r -> r, (a, b) -> a));
        List<String> stale = new ArrayList<>();
        PENDING.keySet().stream().sorted().forEach(name -> {
            WideRecord r = wide.get(name);
            if (r == null || offence(r, sources.callSites(r)) == null) {
                stale.add(name + " (" + PENDING.get(name) + ") now keeps the rule: remove it from PENDING");
            }
        });
        assertThat(stale).isEmpty();
    }

    @Test
    void rowMappersReadColumnsByName() {
        List<String> positional = new ArrayList<>();
        main().files().forEach((path, code) -> positional.addAll(positionalReads(path, code)));
        assertThat(positional).as("ResultSet columns read by position; read them by name").isEmpty();
    }

    /** The scan sees what it must, so that the rule above cannot pass by finding nothing. */
    @Test
    void theScanFindsTheWideRecordsAndTheirCalls() {
        Sources sources = main();
        Map<String, WideRecord> wide = sources.wideRecords().stream()
                .collect(Collectors.toMap(WideRecord::name, r -> r, (a, b) -> a));
        assertThat(wide.size()).isGreaterThanOrEqualTo(40);
        assertThat(wide.get("cn.kaoping.ranking.RankingEntry").components()).isEqualTo(30);
        assertThat(wide.get("cn.kaoping.ranking.RankingEntry").hasBuilder()).isTrue();
        assertThat(wide.get("cn.kaoping.subsidy.internal.Views.Line").components()).isEqualTo(25);
        // a nested record named as in other files (OpenData.Entry, HonourStore.Entry) is told apart
        assertThat(sources.callSites(wide.get("cn.kaoping.ranking.publication.OpenData.Entry")))
                .extracting(CallSite::file, CallSite::inRecord)
                .containsExactly(tuple("cn/kaoping/ranking/publication/OpenData.java", true));
        assertThat(sources.callSites(wide.get("cn.kaoping.ranking.RankingSummary")))
                .extracting(CallSite::file).containsExactly("cn/kaoping/ranking/internal/RankingStore.java");
    }

    /** What the rule says of made-up sources: the record and every call site are named. */
    @Test
    void aRecordBuiltInTwoPlacesIsNamedWithItsCallSites() {
        String components = java.util.stream.IntStream.range(0, WIDE).mapToObj(i -> "int c" + i)
                .collect(Collectors.joining(", "));
        String args = java.util.stream.IntStream.range(0, WIDE).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        Map<String, String> files = new TreeMap<>();
        files.put("a/Wide.java", "package a;\n/** new Wide(…) in a comment is not a call. */\n"
                + "public record Wide(" + components + ") {\n}\n");
        files.put("a/One.java", "package a;\nclass One {\n    Wide one() {\n        return new Wide(" + args
                + ");\n    }\n}\n");
        files.put("b/Two.java", "package b;\nimport a.Wide;\nclass Two {\n    String s = \"new Wide(\";\n"
                + "    Wide two() {\n        return new a.Wide(" + args + ");\n    }\n}\n");
        files.put("c/Three.java", "package c;\nclass Three {\n    record Wide(int x) {\n    }\n"
                + "    Wide three() {\n        return new Wide(1);\n    }\n}\n");
        Sources sources = new Sources(files);
        WideRecord wide = sources.wideRecords().get(0);
        assertThat(sources.wideRecords()).hasSize(1);
        assertThat(offence(wide, sources.callSites(wide)))
                .isEqualTo("a.Wide (12 components) is built in 2 places: a/One.java:4, b/Two.java:6;"
                        + " give it a nested Builder, or build it in one place (and copy it in one method of its own)");

        files.put("a/Wide.java", "package a;\npublic record Wide(" + components + ") {\n"
                + "    public static final class Builder {\n        Wide build() {\n            return new Wide("
                + args + ");\n        }\n    }\n}\n");
        sources = new Sources(files);
        wide = sources.wideRecords().get(0);
        assertThat(offence(wide, sources.callSites(wide)))
                .isEqualTo("a.Wide (12 components) has a Builder but is also built by position at a/One.java:4,"
                        + " b/Two.java:6; use its Builder there");
        assertThat(positionalReads("d/Store.java", Sources.blank(
                "class Store {\n    RowMapper<X> X = (rs, i) -> new X(rs.getString(1), rs.getLong(\"id\"),"
                        + " rs.getInt(i));\n}\n")))
                .containsExactly("d/Store.java:2: rs.getString(1)", "d/Store.java:2: rs.getInt(i)");
    }

    /** Why a wide record breaks the rule, or null when it keeps it. */
    static String offence(WideRecord r, List<CallSite> calls) {
        String head = r.name() + " (" + r.components() + " components)";
        if (r.hasBuilder()) {
            List<CallSite> outside = calls.stream().filter(c -> !c.inRecord()).toList();
            return outside.isEmpty() ? null
                    : head + " has a Builder but is also built by position at " + join(outside)
                    + "; use its Builder there";
        }
        // without a Builder: one place outside (its row mapper or factory) and one copy method of its own at most
        long outside = calls.stream().filter(c -> !c.inRecord()).count();
        return outside <= 1 && calls.size() - outside <= 1 ? null
                : head + " is built in " + calls.size() + " places: " + join(calls)
                + "; give it a nested Builder, or build it in one place (and copy it in one method of its own)";
    }

    private static String join(List<CallSite> calls) {
        return calls.stream().map(c -> c.file() + ":" + c.line()).collect(Collectors.joining(", "));
    }

    private static final Pattern JDBC_GET = Pattern.compile("\\b(\\w+)\\.get(String|NString|Int|Long|Short|Byte"
            + "|Boolean|Double|Float|BigDecimal|Object|Date|Time|Timestamp|Array|Bytes|Blob|Clob|NClob|SQLXML|URL"
            + "|RowId|Ref|CharacterStream|NCharacterStream|AsciiStream|BinaryStream)\\(\\s*(\\w+)\\s*[,)]");
    /** The row-number parameter of a row mapper: {@code (rs, i) ->} or {@code (ResultSet rs, int i)}. */
    private static final Pattern ROW_NUMBER = Pattern.compile(
            "\\(\\s*(?:ResultSet\\s+|java\\.sql\\.ResultSet\\s+)?(\\w+)\\s*,\\s*(?:int\\s+)?(\\w+)\\s*\\)");

    /** ResultSet getters given a column number (a literal, or the row mapper's row number) instead of a name. */
    static List<String> positionalReads(String path, String code) {
        Set<String> resultSets = new HashSet<>();
        Set<String> rowNumbers = new HashSet<>();
        Matcher m = ROW_NUMBER.matcher(code);
        while (m.find()) {
            if (m.group(1).equals("rs") || code.startsWith("ResultSet", m.start() + 1)
                    || code.startsWith("java.sql.ResultSet", m.start() + 1)) {
                resultSets.add(m.group(1));
                rowNumbers.add(m.group(2));
            }
        }
        resultSets.add("rs");
        List<String> found = new ArrayList<>();
        Matcher g = JDBC_GET.matcher(code);
        while (g.find()) {
            String arg = g.group(3);
            boolean number = arg.chars().allMatch(Character::isDigit);
            if (number || resultSets.contains(g.group(1)) && rowNumbers.contains(arg)) {
                found.add(path + ":" + Sources.line(code, g.start()) + ": "
                        + code.substring(g.start(), g.end() - 1).strip() + ")");
            }
        }
        return found;
    }

    /** A record of {@value #WIDE}+ components: its name (package and enclosing types), file and body. */
    record WideRecord(String name, String simpleName, String packageName, List<String> enclosing, String file,
                      int components, boolean hasBuilder, int bodyStart, int bodyEnd) {

        /** The name from the package on: {@code Views.Line}, {@code RankingEntry}. */
        String nested() {
            return name.substring(packageName.isEmpty() ? 0 : packageName.length() + 1);
        }
    }

    /** A {@code new R(…)} or {@code R::new}; {@code inRecord} when it is within the record's own declaration. */
    record CallSite(String file, int line, boolean inRecord) {
    }

    /** Source files (path relative to the source root → code with comments and literals blanked). */
    static final class Sources {

        private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
        private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\.\\*)?)\\s*;",
                Pattern.MULTILINE);
        private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\s+([A-Za-z_]\\w*)");
        private static final Pattern NEW = Pattern.compile(
                "\\bnew\\s+((?:[A-Za-z_]\\w*\\s*\\.\\s*)*[A-Za-z_]\\w*)\\s*(?:<[^>(]*>)?\\s*\\(");
        private static final Pattern METHOD_REF = Pattern.compile(
                "\\b((?:[A-Za-z_]\\w*\\s*\\.\\s*)*[A-Za-z_]\\w*)\\s*::\\s*new\\b");

        private final Map<String, String> files = new TreeMap<>();
        private final Map<String, List<Type>> types = new TreeMap<>();
        /** Every {@code new X(} and {@code X::new} of each file: the name as written, and where. */
        private final Map<String, List<Map.Entry<String, Integer>>> constructions = new TreeMap<>();

        Sources(Map<String, String> sources) {
            sources.forEach((path, source) -> {
                String code = blank(source);
                files.put(path, code);
                types.put(path, types(code));
                List<Map.Entry<String, Integer>> found = new ArrayList<>();
                for (Pattern p : List.of(NEW, METHOD_REF)) {
                    Matcher m = p.matcher(code);
                    while (m.find()) {
                        found.add(Map.entry(m.group(1).replaceAll("\\s+", ""), m.start()));
                    }
                }
                constructions.put(path, found);
            });
        }

        Map<String, String> files() {
            return files;
        }

        static Sources read(Path root) {
            try (Stream<Path> walk = Files.walk(root)) {
                Map<String, String> files = new TreeMap<>();
                for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files.put(root.relativize(p).toString().replace('\\', '/'),
                            Files.readString(p, StandardCharsets.UTF_8));
                }
                return new Sources(files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The type declarations of a file: name, enclosing names and body (from its brace to the matching one). */
        private record Type(String kind, String name, List<String> enclosing, int start, int bodyStart, int bodyEnd,
                            int components) {
        }

        private static List<Type> types(String code) {
            List<Type> found = new ArrayList<>();
            Matcher m = TYPE.matcher(code);
            while (m.find()) {
                int at = m.end();
                int components = -1;
                if (m.group(1).equals("record")) {
                    int open = skipTypeParameters(code, at);
                    if (open >= code.length() || code.charAt(open) != '(') {
                        continue;
                    }
                    int close = matching(code, open, '(', ')');
                    components = count(code.substring(open + 1, close));
                    at = close + 1;
                }
                int brace = code.indexOf('{', at);
                if (brace < 0) {
                    continue;
                }
                int end = matching(code, brace, '{', '}');
                int start = m.start();
                List<String> enclosing = found.stream()
                        .filter(t -> t.bodyStart() < start && start < t.bodyEnd()).map(Type::name).toList();
                found.add(new Type(m.group(1), m.group(2), enclosing, start, brace, end, components));
            }
            return found;
        }

        List<WideRecord> wideRecords() {
            List<WideRecord> wide = new ArrayList<>();
            files.forEach((path, code) -> {
                String pkg = packageOf(code);
                List<Type> types = this.types.get(path);
                for (Type t : types) {
                    if (t.kind().equals("record") && t.components() >= WIDE) {
                        boolean builder = types.stream().anyMatch(b -> b.name().equals("Builder")
                                && t.bodyStart() < b.start() && b.start() < t.bodyEnd());
                        List<String> chain = new ArrayList<>(t.enclosing());
                        chain.add(t.name());
                        wide.add(new WideRecord((pkg.isEmpty() ? "" : pkg + ".") + String.join(".", chain),
                                t.name(), pkg, t.enclosing(), path, t.components(), builder, t.bodyStart(),
                                t.bodyEnd()));
                    }
                }
            });
            return wide;
        }

        /** Every {@code new R(…)} and {@code R::new} that names this record, in file and line order. */
        List<CallSite> callSites(WideRecord r) {
            List<CallSite> sites = new ArrayList<>();
            constructions.forEach((path, found) -> {
                for (Map.Entry<String, Integer> c : found) {
                    if (refersTo(c.getKey(), r, path)) {
                        int at = c.getValue();
                        boolean inRecord = path.equals(r.file()) && r.bodyStart() < at && at < r.bodyEnd();
                        sites.add(new CallSite(path, line(files.get(path), at), inRecord));
                    }
                }
            });
            sites.sort(java.util.Comparator.comparing(CallSite::file).thenComparingInt(CallSite::line));
            return sites;
        }

        /** Whether a type name as written in a file ({@code Line}, {@code Views.Line}, {@code a.b.Views.Line}) is r. */
        private boolean refersTo(String named, WideRecord r, String path) {
            List<String> segments = List.of(named.split("\\."));
            if (!segments.get(segments.size() - 1).equals(r.simpleName())) {
                return false;
            }
            if (named.equals(r.name())) {
                return true;
            }
            String nested = r.nested();
            if (!nested.equals(named) && !nested.endsWith("." + named)) {
                return false;
            }
            String first = segments.get(0);
            // where the first name is declared: the record's own file, its package (for its top-level type), an import
            String outer = nested.substring(0, nested.length() - named.length()) + first;
            if (path.equals(r.file())) {
                return true;
            }
            if (types.get(path).stream().anyMatch(t -> t.name().equals(first))) {
                return false;
            }
            String code = files.get(path);
            String pkg = packageOf(code);
            boolean topLevel = !outer.contains(".");
            if (topLevel && pkg.equals(r.packageName())) {
                return true;
            }
            String full = r.packageName() + "." + outer;
            String parent = full.substring(0, full.lastIndexOf('.'));
            return imports(code).stream().anyMatch(i -> i.equals(full) || i.equals(parent + ".*"));
        }

        private static String packageOf(String code) {
            Matcher m = PACKAGE.matcher(code);
            return m.find() ? m.group(1) : "";
        }

        private static List<String> imports(String code) {
            List<String> found = new ArrayList<>();
            Matcher m = IMPORT.matcher(code);
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }

        private static int skipTypeParameters(String code, int at) {
            int i = at;
            while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            if (i < code.length() && code.charAt(i) == '<') {
                i = matching(code, i, '<', '>') + 1;
                while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                    i++;
                }
            }
            return i;
        }

        private static int matching(String code, int open, char in, char out) {
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == in) {
                    depth++;
                } else if (c == out && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalStateException("unbalanced " + in + " at " + open);
        }

        /** Top-level commas of a record header, generics and annotation arguments kept together. */
        private static int count(String header) {
            if (header.isBlank()) {
                return 0;
            }
            int depth = 0;
            int n = 1;
            for (char c : header.toCharArray()) {
                if (c == '(' || c == '<') {
                    depth++;
                } else if (c == ')' || c == '>') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    n++;
                }
            }
            return n;
        }

        static int line(String code, int at) {
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        /** The code with comments, strings, text blocks and characters blanked (line breaks kept). */
        static String blank(String code) {
            StringBuilder out = new StringBuilder(code.length());
            int i = 0;
            while (i < code.length()) {
                int end;
                if (code.startsWith("//", i)) {
                    end = code.indexOf('\n', i);
                    end = end < 0 ? code.length() : end;
                } else if (code.startsWith("/*", i)) {
                    end = code.indexOf("*/", i + 2);
                    end = end < 0 ? code.length() : end + 2;
                } else if (code.startsWith("\"\"\"", i)) {
                    end = code.indexOf("\"\"\"", i + 3);
                    while (end > 0 && code.charAt(end - 1) == '\\') {
                        end = code.indexOf("\"\"\"", end + 1);
                    }
                    end = end < 0 ? code.length() : end + 3;
                } else if (code.charAt(i) == '"' || code.charAt(i) == '\'') {
                    char quote = code.charAt(i);
                    end = i + 1;
                    while (end < code.length() && code.charAt(end) != quote && code.charAt(end) != '\n') {
                        end += code.charAt(end) == '\\' ? 2 : 1;
                    }
                    end = Math.min(end + 1, code.length());
                    out.append(quote);
                    for (int k = i + 1; k < end - 1; k++) {
                        out.append(code.charAt(k) == '\n' ? '\n' : ' ');
                    }
                    out.append(quote);
                    i = end;
                    continue;
                } else {
                    out.append(code.charAt(i++));
                    continue;
                }
                for (int k = i; k < end; k++) {
                    out.append(code.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            }
            return out.toString();
        }
    }
}
