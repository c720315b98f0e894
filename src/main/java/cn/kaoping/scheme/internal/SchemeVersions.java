package cn.kaoping.scheme.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.scheme.SchemePublished;
import cn.kaoping.scheme.SchemeStatus;
import cn.kaoping.scheme.engine.BuiltInSchemes;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Evaluator;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.SchemeFormatException;
import cn.kaoping.scheme.engine.SchemeProblem;
import cn.kaoping.scheme.engine.SchemeYaml;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored scheme versions and their life cycle: built-ins loaded on start, clone to a draft, replace a draft's
 * YAML (validated, every problem listed), publish. Published versions never change; the database refuses it too.
 */
@Service
public class SchemeVersions {

    private static final long LOAD_LOCK = 0x736368656d65L; // "scheme"
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:[ \\t]*\\S+[ \\t]*(#.*)?$");
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^code:");
    private static final Pattern CODE_VALUE = Pattern.compile("(?m)^code:[ \\t]*[\"']?([^\"'#\\s]+)");
    private static final Pattern VERSION_VALUE = Pattern.compile("(?m)^version:[ \\t]*[\"']?([^\"'#\\s]+)");

    private static final RowMapper<SchemeVersion> ROW = (rs, i) -> new SchemeVersion(rs.getLong("id"),
            rs.getString("code"), rs.getInt("version"), SchemeStatus.valueOf(rs.getString("status")),
            rs.getString("title"), rs.getString("source"), rs.getString("yaml"), rs.getBoolean("built_in"),
            (Integer) rs.getObject("based_on"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
            rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Parsed schemes by row id and last change; published rows never change, drafts get a new key per upload. */
    private final Map<String, Scheme> parsed = new ConcurrentHashMap<>();

    SchemeVersions(JdbcClient jdbc, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** May this role clone, upload and publish schemes? */
    public static boolean maintains(Role role) {
        return role == Role.SYSTEM_ADMIN || role == Role.CITY_ADMIN || role == Role.DISTRICT_ADMIN;
    }

    private static void requireMaintainer(KaopingPrincipal p) {
        if (!maintains(p.role())) {
            throw new ForbiddenException("只有市、区房产主管部门或系统管理员可以修改、发布考评标准");
        }
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** Every scheme code with its latest published and draft versions, built-ins first in their shipped order. */
    @Transactional(readOnly = true)
    public List<SchemeSummary> list() {
        List<SchemeVersion> latest = jdbc.sql("""
                SELECT DISTINCT ON (code) * FROM scheme_version
                ORDER BY code, (status = 'PUBLISHED') DESC, version DESC""").query(ROW).list();
        Map<String, Integer> drafts = new LinkedHashMap<>();
        jdbc.sql("SELECT code, version FROM scheme_version WHERE status = 'DRAFT'")
                .query((rs, i) -> drafts.put(rs.getString("code"), rs.getInt("version"))).list();
        List<SchemeSummary> rows = new ArrayList<>();
        for (SchemeVersion v : latest) {
            String label = scheme(v).setting("label").orElse(null);
            rows.add(new SchemeSummary(v.code(), v.title(), v.source(), label, v.builtIn() || builtInCode(v.code()),
                    v.published() ? v.version() : null, drafts.get(v.code())));
        }
        rows.sort((a, b) -> {
            int ia = order(a.code());
            int ib = order(b.code());
            return ia != ib ? Integer.compare(ia, ib) : a.code().compareTo(b.code());
        });
        return rows;
    }

    private static boolean builtInCode(String code) {
        return BuiltInSchemes.CODES.contains(code);
    }

    private static int order(String code) {
        int i = BuiltInSchemes.CODES.indexOf(code);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Every version of a scheme, newest first. */
    @Transactional(readOnly = true)
    public List<SchemeVersion> versions(String code) {
        List<SchemeVersion> all = jdbc.sql("SELECT * FROM scheme_version WHERE code = :code ORDER BY version DESC")
                .param("code", code).query(ROW).list();
        if (all.isEmpty()) {
            throw unknown(code);
        }
        return all;
    }

    @Transactional(readOnly = true)
    public Optional<SchemeVersion> findLatestPublished(String code) {
        return jdbc.sql("""
                SELECT * FROM scheme_version WHERE code = :code AND status = 'PUBLISHED'
                ORDER BY version DESC LIMIT 1""").param("code", code).query(ROW).optional();
    }

    /** @throws NotFoundException when the scheme has no published version */
    public SchemeVersion latestPublished(String code) {
        return findLatestPublished(code).orElseThrow(() -> unknown(code));
    }

    @Transactional(readOnly = true)
    public Optional<SchemeVersion> find(String code, int version) {
        return jdbc.sql("SELECT * FROM scheme_version WHERE code = :code AND version = :version")
                .param("code", code).param("version", version).query(ROW).optional();
    }

    /** @throws NotFoundException when there is no such version */
    public SchemeVersion get(String code, int version) {
        return find(code, version)
                .orElseThrow(() -> new NotFoundException("考评标准 " + code + " 没有第 " + version + " 版"));
    }

    private static NotFoundException unknown(String code) {
        return new NotFoundException("考评标准 " + code + " 不存在");
    }

    /** The parsed scheme of a stored version (validated when it was stored). */
    public Scheme scheme(SchemeVersion v) {
        return parsed.computeIfAbsent(v.id() + "@" + v.updatedAt(), k -> SchemeYaml.read(v.fileName(), v.yaml()));
    }

    /** Evaluates facts against a stored version; {@code asOf} defaults to today. */
    public Evaluation evaluate(SchemeVersion v, LocalDate asOf, List<Fact> facts) {
        return evaluate(v, null, asOf, facts);
    }

    /** Evaluates one period ({@code window}, or every fixed deadline when null) as seen on {@code asOf}. */
    public Evaluation evaluate(SchemeVersion v, cn.kaoping.scheme.engine.Window window, LocalDate asOf,
                               List<Fact> facts) {
        return Evaluator.evaluate(scheme(v), window, asOf == null ? LocalDate.now(clock) : asOf, facts);
    }

    // --- changing --------------------------------------------------------------------------------------------

    /**
     * Copies a version (by default the latest published) to a new draft numbered after the newest version.
     *
     * @throws ConflictException when the scheme already has a draft
     */
    @Transactional
    public SchemeVersion cloneDraft(KaopingPrincipal p, String code, Integer from) {
        requireMaintainer(p);
        lock(code);
        SchemeVersion source = from == null ? latestPublished(code) : get(code, from);
        Optional<SchemeVersion> existing = jdbc.sql("SELECT * FROM scheme_version WHERE code = :code AND status = 'DRAFT'")
                .param("code", code).query(ROW).optional();
        if (existing.isPresent()) {
            throw new ConflictException("考评标准 " + code + " 已有草稿第 " + existing.get().version()
                    + " 版，请先修改并发布该草稿");
        }
        int next = jdbc.sql("SELECT max(version) + 1 FROM scheme_version WHERE code = :code").param("code", code)
                .query(Integer.class).single();
        String yaml = withVersion(source, next);
        Scheme scheme = SchemeYaml.read(code + "-v" + next + ".yaml", yaml);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO scheme_version (code, version, status, title, source, yaml, built_in, based_on,
                                                created_by, created_at, updated_at)
                    VALUES (:code, :version, 'DRAFT', :title, :source, :yaml, FALSE, :basedOn, :by, :now, :now)
                    RETURNING id""")
                    .param("code", code).param("version", next).param("title", scheme.title())
                    .param("source", scheme.source()).param("yaml", yaml).param("basedOn", source.version())
                    .param("by", p.username()).param("now", now)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("考评标准 " + code + " 刚刚已由他人复制出草稿，请刷新后再试");
        }
        audit.record("SCHEME_DRAFT_CREATED", "scheme_version", code + "@" + next,
                "复制考评标准 " + code + " 第 " + source.version() + " 版为草稿第 " + next + " 版", null,
                Map.of("code", code, "version", next, "basedOn", source.version()));
        return jdbc.sql("SELECT * FROM scheme_version WHERE id = :id").param("id", id).query(ROW).single();
    }

    /** The source's YAML with its version line set to {@code version}, keeping comments; rewritten if it has none. */
    private String withVersion(SchemeVersion source, int version) {
        Matcher m = VERSION_LINE.matcher(source.yaml());
        if (m.find()) {
            return source.yaml().substring(0, m.start()) + "version: " + version + source.yaml().substring(m.end());
        }
        Scheme s = scheme(source);
        return SchemeYaml.write(new Scheme(s.code(), version, s.title(), s.source(), s.max(), s.passMark(),
                s.settings(), s.grades(), s.items(), s.parts(), s.vetoes()));
    }

    /**
     * Replaces a draft's YAML after checking it: it must read without problems and carry the draft's code and
     * version.
     *
     * @throws SchemeFormatException listing every problem with file, line and field
     * @throws ConflictException     when the version is published
     */
    @Transactional
    public SchemeVersion replaceYaml(KaopingPrincipal p, String code, int version, String fileName, String yaml) {
        requireMaintainer(p);
        lock(code);
        SchemeVersion draft = get(code, version);
        if (draft.published()) {
            throw new ConflictException("考评标准 " + code + " 第 " + version + " 版已发布，不能修改；请复制为新草稿后再改");
        }
        String file = fileName == null || fileName.isBlank() ? draft.fileName() : fileName;
        String text = yaml == null ? "" : yaml;
        Scheme scheme = null;
        List<SchemeProblem> problems = new ArrayList<>();
        try {
            scheme = SchemeYaml.read(file, text);
        } catch (SchemeFormatException e) {
            problems.addAll(e.problems());
        }
        // the file must be this draft: checked on the text too, so a file with other problems reports it as well
        String writtenCode = scheme != null ? scheme.code() : firstValue(CODE_VALUE, text);
        String writtenVersion = scheme != null ? Integer.toString(scheme.version()) : firstValue(VERSION_VALUE, text);
        if (writtenCode != null && !writtenCode.equals(code)) {
            problems.add(new SchemeProblem(file, lineOf(CODE_LINE, text), "code",
                    "方案编号应为 " + code + "（上传到的标准），而不是 " + writtenCode));
        }
        if (writtenVersion != null && !writtenVersion.equals(Integer.toString(version))) {
            problems.add(new SchemeProblem(file, lineOf(VERSION_LINE, text), "version",
                    "版本号应为 " + version + "（草稿的版本号），而不是 " + writtenVersion));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(SchemeProblem::line));
            throw new SchemeFormatException(problems);
        }
        jdbc.sql("""
                UPDATE scheme_version SET yaml = :yaml, title = :title, source = :source, updated_at = :now
                WHERE id = :id""")
                .param("yaml", text).param("title", scheme.title()).param("source", scheme.source())
                .param("now", OffsetDateTime.now(clock)).param("id", draft.id()).update();
        audit.record("SCHEME_DRAFT_UPLOADED", "scheme_version", code + "@" + version,
                "上传考评标准 " + code + " 草稿第 " + version + " 版（" + file + "）", Map.of("yaml", draft.yaml()),
                Map.of("yaml", text));
        return get(code, version);
    }

    private static String firstValue(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static int lineOf(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * Publishes a draft: from now on it is immutable and the latest version of its scheme.
     *
     * @throws ConflictException when it is already published
     */
    @Transactional
    public SchemeVersion publish(KaopingPrincipal p, String code, int version) {
        requireMaintainer(p);
        lock(code);
        SchemeVersion draft = get(code, version);
        if (draft.published()) {
            throw new ConflictException("考评标准 " + code + " 第 " + version + " 版已发布");
        }
        jdbc.sql("""
                UPDATE scheme_version SET status = 'PUBLISHED', published_by = :by, published_at = :now
                WHERE id = :id""")
                .param("by", p.username()).param("now", OffsetDateTime.now(clock)).param("id", draft.id()).update();
        audit.record("SCHEME_PUBLISHED", "scheme_version", code + "@" + version,
                "发布考评标准 " + code + " 第 " + version + " 版：" + draft.title(), Map.of("status", "DRAFT"),
                Map.of("status", "PUBLISHED"));
        events.publishEvent(new SchemePublished(code, version, p.username()));
        return get(code, version);
    }

    private void lock(String code) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('scheme:' || :code))").param("code", code).query().singleRow();
    }

    /**
     * Stores each built-in scheme as a published version unless that code and version is already stored.
     * Idempotent, and safe with several instances starting together (advisory lock and ON CONFLICT).
     *
     * @return how many versions were added
     */
    @Transactional
    public int loadBuiltIns() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOAD_LOCK).query().singleRow();
        int added = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String code : BuiltInSchemes.CODES) {
            for (String file : BuiltInSchemes.files(code)) {
                added += loadBuiltIn(code, file, now);
            }
        }
        return added;
    }

    /** Stores one shipped version unless that version is stored already (its stored text then stays as it was). */
    private int loadBuiltIn(String code, String file, OffsetDateTime now) {
        String yaml = builtInText(file);
        Scheme scheme = SchemeYaml.read(file, yaml);
        Optional<Long> id = jdbc.sql("""
                INSERT INTO scheme_version (code, version, status, title, source, yaml, built_in, created_by,
                                            created_at, updated_at, published_by, published_at)
                VALUES (:code, :version, 'PUBLISHED', :title, :source, :yaml, TRUE, 'system', :now, :now,
                        'system', :now)
                ON CONFLICT (code, version) DO NOTHING
                RETURNING id""")
                .param("code", code).param("version", scheme.version()).param("title", scheme.title())
                .param("source", scheme.source()).param("yaml", yaml).param("now", now)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return 0;
        }
        audit.recordAs("system", "SCHEME_PUBLISHED", "scheme_version", code + "@" + scheme.version(),
                "载入内置考评标准 " + code + " 第 " + scheme.version() + " 版：" + scheme.title(), null,
                Map.of("status", "PUBLISHED", "builtIn", true));
        return 1;
    }

    private static String builtInText(String file) {
        try (InputStream in = SchemeVersions.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
