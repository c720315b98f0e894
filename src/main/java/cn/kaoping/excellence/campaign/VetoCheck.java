package cn.kaoping.excellence.campaign;

import cn.kaoping.excellence.PenaltyLookup;
import cn.kaoping.organisation.EstateGovernance;
import cn.kaoping.organisation.ManagementMode;
import cn.kaoping.organisation.OrganisationDirectory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's six veto conditions (seed 002 一、1–6) checked from what Kaoping holds; a person confirms each before it
 * revokes the title (condition 5's hazards and the police's crime circular are entered by the association):
 * 1 no longer professionally managed, or the owners' committee missing or its term expired; 2 no service contract
 * recorded; 3 an administrative penalty of the company in the previous or current year (its credit file); 4 the
 * company changed since the title was won (was the change filed?); 6 the company declined or the committee refused.
 */
@Component
public class VetoCheck {

    private final OrganisationDirectory directory;
    private final List<PenaltyLookup> penalties;

    VetoCheck(OrganisationDirectory directory, List<PenaltyLookup> penalties) {
        this.directory = directory;
        this.penalties = penalties;
    }

    /** A condition found in the data, to be confirmed. */
    public record Finding(String code, String reason) {
    }

    public List<Finding> check(HonourStore.Campaign c, HonourStore.Entry e, LocalDate today) {
        List<Finding> found = new ArrayList<>();
        EstateGovernance g = directory.governance(e.honour().estateId()).orElse(null);
        if (g == null) {
            return found;
        }
        if (g.mode() != ManagementMode.COMPANY) {
            found.add(new Finding("veto.1", "小区已不实行专业化物业管理（登记为 " + g.mode() + "）"));
        } else if (g.committeeTermEnd() == null) {
            found.add(new Finding("veto.1", "小区没有登记业主委员会"));
        } else if (g.committeeTermEnd().isBefore(today)) {
            found.add(new Finding("veto.1", "业主委员会任期已于 " + g.committeeTermEnd() + " 届满，未见换届备案"));
        }
        if (g.contractStart() == null) {
            found.add(new Finding("veto.2", "未登记物业服务合同"));
        }
        if (g.companyId() != null) {
            for (PenaltyLookup lookup : penalties) {
                lookup.penalties(g.companyId(), c.year() - 1).forEach(x -> found.add(new Finding("veto.3",
                        x.on() + " 行政处罚：" + x.description())));
            }
        }
        if (e.honour().companyId() != null && g.companyId() != null && !e.honour().companyId().equals(g.companyId())) {
            found.add(new Finding("veto.4", "物业服务企业已由 " + e.honour().companyName() + " 变更为 "
                    + g.companyName() + "，请核实是否已在区住建（房管）局备案"));
        }
        if ("DECLINES".equals(e.companyDecision())) {
            found.add(new Finding("veto.6", "物业服务企业放弃申报"));
        }
        if ("REFUSED".equals(e.committeeDecision())) {
            found.add(new Finding("veto.6", "业主委员会不同意申报"));
        }
        return found;
    }
}
