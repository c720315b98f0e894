package cn.kaoping.subsidy.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.inspection.EstateResult;
import cn.kaoping.inspection.PublishedResults;
import cn.kaoping.inspection.PublishedRound;
import cn.kaoping.inspection.RoundId;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.EstateTerms;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the claims of a published {@code erqi-old-estate} half-year round: one per street office with a line per old
 * estate of that street. A claim still in draft is refreshed by a corrected round; one already submitted stays.
 */
@Service
@Transactional
public class BuildClaims {

    public static final String SCHEME = "erqi-old-estate";

    private final ClaimStore store;
    private final LineAmounts amounts;
    private final SubsidyRates rates;
    private final OrganisationDirectory directory;
    private final PublishedResults published;
    private final AuditLog audit;

    BuildClaims(ClaimStore store, LineAmounts amounts, SubsidyRates rates, OrganisationDirectory directory,
                PublishedResults published, AuditLog audit) {
        this.store = store;
        this.amounts = amounts;
        this.rates = rates;
        this.directory = directory;
        this.published = published;
        this.audit = audit;
    }

    /**
     * Builds (or, while still a draft, refreshes) the claims of a published round. Rounds of other schemes or other
     * than half-years are ignored.
     *
     * @return the ids of the claims built or refreshed
     */
    public List<Long> fromRound(RoundId roundId, String actor) {
        return published.latest(roundId).map(round -> fromRound(round, actor)).orElse(List.of());
    }

    /**
     * Builds (or refreshes) the claims of the given published results; the demo data hands synthetic results in here
     * (a negative round id) as the ranking demo does, since rounds are the inspection module's to create.
     */
    public List<Long> fromRound(PublishedRound round, String actor) {
        RoundId roundId = round.round();
        if (!SCHEME.equals(round.schemeCode()) || !round.period().code().matches("\\d{4}-H[12]")) {
            return List.of();
        }
        List<EstateResult> results = round.results();
        Map<Long, EstatePlacement> places = directory.placements(results.stream().map(EstateResult::estateId)
                .toList()).stream().collect(Collectors.toMap(EstatePlacement::id, Function.identity()));
        Map<Long, EstateTerms> terms = directory.estateTerms(places.keySet()).stream()
                .collect(Collectors.toMap(EstateTerms::estateId, Function.identity()));
        Map<Long, List<EstateResult>> byStreet = new LinkedHashMap<>();
        for (EstateResult r : results) {
            EstatePlacement place = places.get(r.estateId());
            if (place != null && place.oldEstate()) {
                byStreet.computeIfAbsent(place.streetId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, List<EstateResult>> e : byStreet.entrySet()) {
            RegionRef street = directory.region(e.getKey()).orElseThrow();
            RegionRef district = directory.region(street.parentId()).orElseThrow();
            int year = round.period().start().getYear();
            Long existing = store.lockOf(roundId.value(), street.id()).orElse(null);
            long claim;
            if (existing == null) {
                claim = store.insert(new ClaimStore.NewClaim(roundId.value(), round.revision(), round.name(),
                        round.period().code(), round.period().start(), round.period().end(), year, district.id(),
                        district.name(), street.id(), street.name(), street.path()));
            } else {
                if (store.status(existing) != ClaimStatus.DRAFT) {
                    continue; // a correction after submission does not move a claim under review or approved
                }
                claim = existing;
                store.refresh(claim, round.revision(), round.name());
            }
            Map<String, BigDecimal> applying = rates.rates(district.id(), year);
            for (EstateResult r : e.getValue()) {
                EstatePlacement place = places.get(r.estateId());
                EstateTerms t = terms.get(r.estateId());
                BigDecimal area = t == null ? null : t.floorArea();
                LocalDate entry = t == null ? null : t.contractStart();
                store.upsertLine(claim, r.estateId(), r.estateName(),
                        r.companyId() != null ? r.companyId() : place.companyId(),
                        r.companyId() == null || r.companyId().equals(place.companyId())
                                ? place.companyName() : directory.companyName(r.companyId()).orElse(null),
                        r.total(), r.grade(), area, entry);
            }
            amounts.recompute(claim, applying);
            audit.recordAs(actor, existing == null ? "SUBSIDY_CLAIM_CREATE" : "SUBSIDY_CLAIM_REFRESH",
                    "subsidy_claim", claim, street.name() + " " + round.period().code() + " 补贴申报（" + round.name()
                            + " 第" + round.revision() + "版）", null, Map.of("round", roundId.value(),
                            "revision", round.revision(), "estates", e.getValue().size()));
            ids.add(claim);
        }
        return ids;
    }

    /** A district admin (re)builds the claims of a published round, e.g. one published before this module existed. */
    public List<Long> fromRound(KaopingPrincipal p, long roundId) {
        Access.require(Access.buildsClaims(p), "只有区房产主管部门（指挥部办公室）可以从考核轮次生成补贴申报");
        PublishedRound round = published.latest(new RoundId(roundId))
                .orElseThrow(() -> new NotFoundException("考核轮次不存在或尚未公布"));
        if (!SCHEME.equals(round.schemeCode())) {
            throw new ConflictException("只有二七区老旧小区考核（erqi-old-estate）的半年考核才计算补贴");
        }
        boolean inScope = round.results().stream().map(r -> directory.region(r.streetId()))
                .flatMap(Optional::stream).anyMatch(s -> p.covers(s.path()));
        if (!inScope) {
            throw new NotFoundException("考核轮次不存在或尚未公布");
        }
        return fromRound(new RoundId(roundId), p.username());
    }
}
