package cn.kaoping.escalation;

import cn.kaoping.ranking.PeriodKind;

/**
 * A company was listed as recommended for 评优评先 and projects because an estate of it is on a district's top list
 * (seed 000 line 27: 排名靠前的物业服务企业，优先推荐参与各级各类评比表彰、政府重大项目或企业大型项目招标活动).
 *
 * @param bestPlace the best district place of the company's estates on that list
 */
public record CompanyCommended(long rankingId, String schemeCode, String period, PeriodKind kind, long districtId,
                               String category, long companyId, String companyName, int bestPlace) {
}
