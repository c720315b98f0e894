package cn.kaoping.scheme.engine;

import java.io.Reader;
import java.io.StringReader;

/** Reads and writes schemes in the YAML format documented in {@code docs/schemes.md}. */
public final class SchemeYaml {

    private SchemeYaml() {
    }

    /**
     * @param file name shown in problem reports, e.g. the uploaded file name
     * @throws SchemeFormatException listing every problem (file, line, field, message)
     */
    public static Scheme read(String file, Reader yaml) {
        return new SchemeReader(file).read(yaml);
    }

    /** @throws SchemeFormatException listing every problem (file, line, field, message) */
    public static Scheme read(String file, String yaml) {
        return read(file, new StringReader(yaml));
    }

    /** The scheme as a YAML document; {@code read(file, write(s))} equals {@code s}. */
    public static String write(Scheme scheme) {
        return new SchemeWriter().write(scheme);
    }
}
