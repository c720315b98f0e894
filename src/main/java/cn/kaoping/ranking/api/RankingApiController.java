package cn.kaoping.ranking.api;

import cn.kaoping.ranking.CompanyStanding;
import cn.kaoping.ranking.EntryFilter;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.StreetAverage;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published rankings through {@code /api/v1}, narrowed like the screens: regional users get the estates under their
 * region, company users their company's. The public, unscoped copy is the open data (docs/open-data.md).
 */
@RestController
@RequestMapping("/api/v1/rankings")
@Tag(name = "rankings", description = "考评排名：已公布的排名、小区名次、企业和街道平均分")
@SecurityRequirement(name = "bearer")
class RankingApiController {

    private final Rankings rankings;

    RankingApiController(Rankings rankings) {
        this.rankings = rankings;
    }

    @Operation(summary = "已公布的排名（按周期倒序）")
    @GetMapping
    List<RankingSummary> list(@RequestParam(required = false) String scheme,
                              @RequestParam(required = false) PeriodKind kind) {
        scope();
        return rankings.list(scheme, kind);
    }

    @Operation(summary = "一个排名的概况")
    @GetMapping("/{id}")
    RankingSummary ranking(@PathVariable long id) {
        scope();
        return find(id);
    }

    @Operation(summary = "排名中的小区（名次按所选范围：街道、区或全市；得分相同者名次相同）")
    @GetMapping("/{id}/entries")
    Paged<RankingEntry> entries(@PathVariable long id, @RequestParam(required = false) Long district,
                                @RequestParam(required = false) Long street,
                                @RequestParam(required = false) String category,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        EntryFilter scope = scope();
        find(id);
        int[] ps = Paged.clamp(page, size);
        return rankings.entries(id, new EntryFilter(district, street, category, scope.companyId(), q,
                scope.regionPath()), ps[0], ps[1]);
    }

    @Operation(summary = "物业服务企业按所属小区平均分排名")
    @GetMapping("/{id}/companies")
    List<CompanyStanding> companies(@PathVariable long id, @RequestParam(required = false) Long district,
                                    @RequestParam(required = false) String category) {
        EntryFilter scope = scope();
        find(id);
        List<CompanyStanding> all = rankings.companies(id, new EntryFilter(district, null, category, null, null,
                scope.regionPath()));
        return scope.companyId() == null ? all
                : all.stream().filter(c -> c.companyId() == scope.companyId()).toList();
    }

    @Operation(summary = "街道办事处所辖小区平均分")
    @GetMapping("/{id}/streets")
    List<StreetAverage> streets(@PathVariable long id, @RequestParam(required = false) Long district,
                                @RequestParam(required = false) String category) {
        EntryFilter scope = scope();
        if (scope.companyId() != null) {
            throw new NotFoundException("页面不存在");
        }
        find(id);
        return rankings.streets(id, new EntryFilter(district, null, category, null, null, scope.regionPath()));
    }

    private RankingSummary find(long id) {
        return rankings.find(id).orElseThrow(() -> new NotFoundException("排名不存在"));
    }

    private static EntryFilter scope() {
        return EntryFilter.visibleTo(CurrentUser.get());
    }
}
