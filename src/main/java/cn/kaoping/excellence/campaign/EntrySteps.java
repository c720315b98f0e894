package cn.kaoping.excellence.campaign;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Stages 2 and 3 of an entry (seed 002 二、2–3): the company confirms it applies (or declines: veto 6); the district
 * association records the publicity in the estate — at least 3 places with a photo each, for at least 7 days, with
 * the owners' opinions heard; the company fills the 复评申报表, refused while the publicity falls short; the owners'
 * committee endorses it (its stamp) or refuses (veto 6).
 */
@Service
public class EntrySteps {

    /**
     * How the notice in the estate must be posted, as the campaign's scheme says in its settings
     * {@code publicity.min-places} and {@code publicity.min-days} (seed 002 二、2: 不少于3处、不少于7日, the default).
     */
    public record PublicityRule(int places, int days) {

        public static final PublicityRule SEED = new PublicityRule(3, 7);

        public static PublicityRule of(cn.kaoping.scheme.engine.Scheme scheme) {
            return new PublicityRule(number(scheme, "publicity.min-places", SEED.places()),
                    number(scheme, "publicity.min-days", SEED.days()));
        }

        private static int number(cn.kaoping.scheme.engine.Scheme scheme, String key, int fallback) {
            return scheme.setting(key).filter(v -> v.strip().matches("\\d{1,3}"))
                    .map(v -> Integer.parseInt(v.strip())).orElse(fallback);
        }
    }

    private final HonourStore store;
    private final Campaigns campaigns;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    EntrySteps(HonourStore store, Campaigns campaigns, FileStore files, AuditLog audit, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void companyDecides(KaopingPrincipal p, long entryId, boolean applies) {
        Campaigns.EntryIn in = open(p, entryId);
        if (p.role() != Role.COMPANY_USER) {
            throw new ForbiddenException("由物业服务企业确认是否参加复评");
        }
        if (in.entry().companyDecision() != null) {
            throw new ConflictException("企业已经确认");
        }
        store.update(entryId, "company_decision = :d", Map.of("d", applies ? "APPLIES" : "DECLINES"));
        audit.recordAs(p.username(), applies ? "APPLY" : "DECLINE", "honour_entry", entryId,
                in.entry().honour().estateName() + (applies ? "：企业确认参加复评" : "：企业放弃申报"), null, Map.of());
    }

    /** The publicity at one place: where, a photo, the days posted and the owners' opinions heard. */
    @Transactional
    public void recordPublicity(KaopingPrincipal p, long entryId, String place, byte[] photo, String photoName,
                                LocalDate postedOn, LocalDate endsOn, String opinions) {
        Campaigns.EntryIn in = open(p, entryId);
        if (!CampaignAccess.districtAssociation(p, in.entry())) {
            throw new ForbiddenException("公示情况由区物业管理协会记录");
        }
        if (place == null || place.isBlank() || place.length() > 200) {
            throw new ValidationException("place", "请填写公示位置（如 主要出入口、宣传栏）");
        }
        if (postedOn == null || endsOn == null || endsOn.isBefore(postedOn)) {
            throw new ValidationException("postedOn", "请填写公示的起止日期");
        }
        if (opinions != null && opinions.length() > 2000) {
            throw new ValidationException("opinions", "业主意见最多 2000 字");
        }
        var stored = files.store(photo, photoName, p.username(), UploadPolicy.photos(10));
        store.insertPublicity(entryId, place.strip(), stored.id(), postedOn, endsOn,
                opinions == null || opinions.isBlank() ? null : opinions.strip());
        audit.recordAs(p.username(), "PUBLICITY", "honour_entry", entryId, in.entry().honour().estateName()
                + " 公示：" + place.strip() + " " + postedOn + "–" + endsOn, null, Map.of());
    }

    /** Why the publicity is not enough yet (fewer places, or fewer posted long enough, than the rule), or null. */
    public static String publicityShortfall(List<HonourStore.Publicity> publicity, PublicityRule rule) {
        long enough = publicity.stream()
                .filter(x -> ChronoUnit.DAYS.between(x.postedOn(), x.endsOn()) + 1 >= rule.days()).count();
        if (publicity.size() < rule.places()) {
            return "公示只有 " + publicity.size() + " 处，须在主要出入口、宣传栏等不少于 " + rule.places() + " 处公示";
        }
        if (enough < rule.places()) {
            return "公示不少于 " + rule.days() + " 日的只有 " + enough + " 处，须不少于 " + rule.places() + " 处";
        }
        return null;
    }

    @Transactional
    public void apply(KaopingPrincipal p, long entryId, String application) {
        Campaigns.EntryIn in = open(p, entryId);
        if (p.role() != Role.COMPANY_USER) {
            throw new ForbiddenException("复评申报表由物业服务企业填写");
        }
        if (!"APPLIES".equals(in.entry().companyDecision())) {
            throw new ConflictException("请先确认参加复评");
        }
        String shortfall = publicityShortfall(store.publicity(entryId), campaigns.publicityRule(in.campaign()));
        if (shortfall != null) {
            throw new ConflictException("公示未达到要求，暂不能申报：" + shortfall);
        }
        if (application == null || application.isBlank() || application.length() > 10000) {
            throw new ValidationException("application", "请填写复评申报表（最多 10000 字）");
        }
        if (in.entry().committeeDecision() != null) {
            throw new ConflictException("业主委员会已经确认申报表，不能再修改");
        }
        store.update(entryId, "application = :a, applied_at = :at",
                Map.of("a", application.strip(), "at", OffsetDateTime.now(clock)));
        audit.recordAs(p.username(), "APPLICATION", "honour_entry", entryId, in.entry().honour().estateName()
                + " 提交复评申报表", null, Map.of());
    }

    /** The owners' committee endorses the application (its stamp) or refuses it (veto 6). */
    @Transactional
    public void committeeDecides(KaopingPrincipal p, long entryId, boolean endorses) {
        Campaigns.EntryIn in = open(p, entryId);
        if (p.role() != Role.COMMITTEE_MEMBER) {
            throw new ForbiddenException("由业主委员会盖章确认");
        }
        if (in.entry().application() == null) {
            throw new ConflictException("企业尚未提交复评申报表");
        }
        if (in.entry().committeeDecision() != null) {
            throw new ConflictException("业主委员会已经确认");
        }
        store.update(entryId, "committee_decision = :d, committee_at = :at",
                Map.of("d", endorses ? "ENDORSED" : "REFUSED", "at", OffsetDateTime.now(clock)));
        audit.recordAs(p.username(), endorses ? "ENDORSE" : "REFUSE", "honour_entry", entryId,
                in.entry().honour().estateName() + (endorses ? "：业主委员会盖章确认申报" : "：业主委员会不同意申报"), null,
                Map.of());
    }

    private Campaigns.EntryIn open(KaopingPrincipal p, long entryId) {
        Campaigns.EntryIn in = campaigns.entry(p, entryId);
        if (!in.campaign().open()) {
            throw new ConflictException("复评已进入公示或已公布");
        }
        if (in.entry().vetoCode() != null) {
            throw new ConflictException("该项目已被否决");
        }
        store.lockEntry(entryId);
        return in;
    }
}
