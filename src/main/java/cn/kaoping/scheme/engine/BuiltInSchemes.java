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

    private BuiltInSchemes() {
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
        String file = "schemes/" + code + ".yaml";
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
