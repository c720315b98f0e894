package cn.kaoping.voting.disclosure;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo company's 三公开 at its first estate (only with {@code KAOPING_DEMO=true}, once): the service disclosure
 * and the last half-year's statement, so the public page has something to show (issue 13).
 */
@Component
@Order(86)
@Profile("!test")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final PublishAccounts publish;
    private final Clock clock;

    DemoAccounts(DemoData demo, OrganisationDirectory directory, PublishAccounts publish, Clock clock) {
        this.demo = demo;
        this.directory = directory;
        this.publish = publish;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:accounts", "SELECT count(*) FROM service_disclosure WHERE published_by = 'demo'", () -> {
            Long company = directory.firstCompanyId().orElse(null);
            EstateRef estate = company == null ? null : directory.firstEstateOfCompany(company).orElse(null);
            if (estate == null) {
                return;
            }
            KaopingPrincipal p = new KaopingPrincipal(0, "demo", "物业服务企业", Role.COMPANY_USER, null, null, company,
                    null);
            publish.disclose(p, estate.id(), ServiceDisclosure.checked(
                    "保洁、秩序维护、绿化养护、共用部位和共用设施设备日常维修养护、装饰装修管理", "二级",
                    "按市住宅物业服务等级标准（二级）：公共区域每日清扫一次，24 小时秩序维护，绿地每月修剪",
                    List.of(new ServiceDisclosure.Fee("物业服务费（多层）", new BigDecimal("1.20"), "元/㎡·月", "按建筑面积按月收取"),
                            new ServiceDisclosure.Fee("物业服务费（高层）", new BigDecimal("1.80"), "元/㎡·月", "按建筑面积按月收取"),
                            new ServiceDisclosure.Fee("地面停车位", new BigDecimal("150"), "元/个·月", "按月或按年收取")),
                    "0411-8888 6666", "物业服务中心（1 号楼一层）；街道物业办；12345 政务服务热线"));
            String half = FundStatement.lastEndedHalf(LocalDate.now(clock));
            publish.state(p, estate.id(), FundStatement.checked(half, new BigDecimal("1250000.00"),
                    new BigDecimal("1271600.00"), List.of(
                            new FundStatement.Line(FundStatement.Kind.COMMON_INCOME, "停车", "地面停车位 86 个",
                                    new BigDecimal("77400.00")),
                            new FundStatement.Line(FundStatement.Kind.COMMON_INCOME, "广告", "电梯轿厢广告",
                                    new BigDecimal("9600.00")),
                            new FundStatement.Line(FundStatement.Kind.COMMON_USE, "绿化补植", null,
                                    new BigDecimal("12800.00")),
                            new FundStatement.Line(FundStatement.Kind.FUND_INCOME, "新交存", "二手房交易补交",
                                    new BigDecimal("36000.00")),
                            new FundStatement.Line(FundStatement.Kind.FUND_SPENDING, "屋面防水", "5 号楼",
                                    new BigDecimal("14400.00")))));
            log.info("演示数据：{} 的三公开（{}）", estate.name(), half);
        });
    }
}
