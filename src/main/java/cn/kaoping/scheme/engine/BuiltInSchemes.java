package cn.kaoping.scheme.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The schemes shipped with Kaoping, read from {@code schemes/*.yaml} on the classpath. */
public final class BuiltInSchemes {

    /** Codes of the built-in schemes, in the order the UI lists them. */
    public static final List<String> CODES = List.of(
            "erqi-old-estate",
            "xigang-street-2020",
            "hangzhou-reeval-2018",
            "shenyang-professional",
            "shenyang-basic");

    /**
     * Earlier versions still shipped, so a fresh installation can show (and re-score) rounds published on them;
     * the file of each code above is always its newest version.
     */
    static final java.util.Map<String, List<String>> ARCHIVED = java.util.Map.of(
            "shenyang-professional", List.of("schemes/archive/shenyang-professional-v1.yaml"),
            "shenyang-basic", List.of("schemes/archive/shenyang-basic-v1.yaml"));

    /** What each built-in scheme assesses, for its versions written before schemes declared it. */
    static final java.util.Map<String, Scheme.Subject> SUBJECTS = java.util.Map.of(
            "erqi-old-estate", Scheme.Subject.ESTATE,
            "xigang-street-2020", Scheme.Subject.STREET_OFFICE,
            "hangzhou-reeval-2018", Scheme.Subject.HONOUR,
            "shenyang-professional", Scheme.Subject.ESTATE,
            "shenyang-basic", Scheme.Subject.ESTATE);

    private BuiltInSchemes() {
    }

    /** The resource files of every shipped version of a scheme, oldest first. */
    public static List<String> files(String code) {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("no built-in scheme " + code);
        }
        List<String> files = new java.util.ArrayList<>(ARCHIVED.getOrDefault(code, List.of()));
        files.add("schemes/" + code + ".yaml");
        return List.copyOf(files);
    }

    /** Every shipped version of a scheme, oldest first. */
    public static List<Scheme> versions(String code) {
        return files(code).stream().map(file -> read(code, file)).toList();
    }

    public static List<Scheme> load() {
        return CODES.stream().map(BuiltInSchemes::load).toList();
    }

    /**
     * @throws IllegalArgumentException when no built-in scheme has this code
     * @throws SchemeFormatException    when the shipped file is malformed (a build defect)
     */
    public static Scheme load(String code) {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("no built-in scheme " + code);
        }
        return read(code, "schemes/" + code + ".yaml");
    }

    private static Scheme read(String code, String file) {
        try (InputStream in = BuiltInSchemes.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Scheme scheme = SchemeYaml.read(file, reader);
                if (!scheme.code().equals(code)) {
                    throw new SchemeFormatException(List.of(new SchemeProblem(file, 1, "code",
                            "方案编号 " + scheme.code() + " 与文件名不一致")));
                }
                return scheme;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
