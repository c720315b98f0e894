package cn.kaoping.scheme;

import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.scheme.engine.InvalidFactsException;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Window;
import cn.kaoping.scheme.internal.SchemeVersion;
import cn.kaoping.scheme.internal.SchemeVersions;
import cn.kaoping.shared.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The published schemes for other modules: find one by code (the latest published version) or by code and
 * version, and evaluate facts against it. Drafts are never returned here.
 */
@Service
public class SchemeCatalog {

    private final SchemeVersions versions;

    SchemeCatalog(SchemeVersions versions) {
        this.versions = versions;
    }

    /** The latest published version of a scheme. */
    public Optional<Scheme> published(String code) {
        return versions.findLatestPublished(code).map(versions::scheme);
    }

    /** A given published version; empty when it does not exist or is still a draft. */
    public Optional<Scheme> published(String code, int version) {
        return versions.find(code, version).filter(SchemeVersion::published).map(versions::scheme);
    }

    /** The latest published version of every scheme, in list order. */
    public List<Scheme> allPublished() {
        return versions.list().stream().filter(s -> s.publishedVersion() != null)
                .map(s -> published(s.code(), s.publishedVersion()).orElseThrow()).toList();
    }

    /**
     * Evaluates facts against the latest published version.
     *
     * @throws NotFoundException     when no published version has this code
     * @throws InvalidFactsException listing every fact that does not fit the scheme
     */
    public Evaluation evaluate(String code, LocalDate asOf, List<Fact> facts) {
        return versions.evaluate(versions.latestPublished(code), asOf, facts);
    }

    /**
     * Evaluates facts against one published version.
     *
     * @throws NotFoundException     when that version does not exist or is not published
     * @throws InvalidFactsException listing every fact that does not fit the scheme
     */
    public Evaluation evaluate(String code, int version, LocalDate asOf, List<Fact> facts) {
        return evaluate(code, version, null, asOf, facts);
    }

    /**
     * Evaluates one period of one published version: deadlines inside {@code window} only, pending after
     * {@code asOf}.
     *
     * @throws NotFoundException     when that version does not exist or is not published
     * @throws InvalidFactsException listing every fact that does not fit the scheme
     */
    public Evaluation evaluate(String code, int version, Window window, LocalDate asOf, List<Fact> facts) {
        SchemeVersion v = versions.find(code, version).filter(SchemeVersion::published)
                .orElseThrow(() -> new NotFoundException("考评标准 " + code + " 第 " + version + " 版不存在或未发布"));
        return versions.evaluate(v, window, asOf, facts);
    }

    /** The latest published version of every scheme that assesses the given subject, in list order. */
    public List<Scheme> allPublished(Scheme.Subject subject) {
        return allPublished().stream().filter(s -> s.assesses() == subject).toList();
    }

    /** The title of every published scheme by code, for screens that name schemes to people (never the code). */
    public java.util.Map<String, String> titles() {
        java.util.Map<String, String> titles = new java.util.LinkedHashMap<>();
        allPublished().forEach(s -> titles.put(s.code(), s.title()));
        return titles;
    }

    /** The title of a scheme, or its code when no version is published. */
    public String title(String code) {
        return published(code).map(Scheme::title).orElse(code);
    }
}
