package cn.kaoping.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.CommitteeKind;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.ManagementMode;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.shared.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string a user reads comes from the message bundles, which hold the same keys in Chinese and English. */
class MessageBundleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*[a-zA-Z0-9])[}(]");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef]");
    private static final Pattern COMMENT = Pattern.compile("<!--/\\*.*?\\*/-->", Pattern.DOTALL);

    /** The bundle families named in spring.messages.basename: the shell's, and one per module with screens. */
    private static final List<String> FAMILIES = List.of("messages", "i18n/audit", "i18n/reliability", "i18n/inspection", "i18n/survey", "i18n/ranking",
            "i18n/publication", "i18n/dashboard", "i18n/rectification", "i18n/escalation",
            "i18n/credit", "i18n/subsidy");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** All families together in one language suffix ("_zh_CN", "_en" or "" for the default). */
    private static Properties all(String suffix) throws IOException {
        Properties merged = new Properties();
        for (String family : FAMILIES) {
            merged.putAll(bundle(family + suffix + ".properties"));
        }
        return merged;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void chineseEnglishAndDefaultBundlesHaveTheSameKeys() throws IOException {
        for (String family : FAMILIES) {
            Set<Object> zh = new TreeSet<>(bundle(family + "_zh_CN.properties").keySet());
            assertThat(new TreeSet<>(bundle(family + "_en.properties").keySet())).as(family).isEqualTo(zh);
            assertThat(new TreeSet<>(bundle(family + ".properties").keySet())).as(family).isEqualTo(zh);
        }
    }

    @Test
    void everyKeyATemplateUsesExistsInBothBundles() throws IOException {
        Properties zh = all("_zh_CN");
        Properties en = all("_en");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = KEY.matcher(Files.readString(t));
            while (m.find()) {
                String key = m.group(1);
                if (!zh.containsKey(key) || !en.containsKey(key)) {
                    missing.add(TEMPLATES.relativize(t) + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromEnumValuesExistForEveryValue() throws IOException {
        Properties zh = all("_zh_CN");
        List<String> keys = new ArrayList<>();
        Stream.of(Role.values()).forEach(r -> keys.add("role." + r));
        Stream.of(EstateCategory.values()).forEach(c -> keys.add("category." + c));
        Stream.of(ManagementMode.values()).forEach(m -> keys.add("mode." + m));
        Stream.of(RegionLevel.values()).forEach(l -> keys.add("level." + l));
        Stream.of(CommitteeKind.values()).forEach(k -> keys.add("committee.kind." + k));
        assertThat(keys).allMatch(zh::containsKey);
    }

    @Test
    void templatesHoldNoHardCodedChineseText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path t : templates()) {
            String[] lines = COMMENT.matcher(Files.readString(t)).replaceAll("").split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (CJK.matcher(lines[i]).find()) {
                    offenders.add(TEMPLATES.relativize(t) + ":" + (i + 1) + ": " + lines[i].trim());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
