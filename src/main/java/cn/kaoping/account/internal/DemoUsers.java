package cn.kaoping.account.internal;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.Role;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** In demo mode, one user per role on the demo city (listed in the README), all with the password {@value #PASSWORD}. */
@Component
@Order(30)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Kaoping2026";
    private static final Log log = LogFactory.getLog(DemoUsers.class);

    private final Accounts accounts;
    private final OrganisationDirectory directory;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoUsers(Accounts accounts, OrganisationDirectory directory, TransactionTemplate tx,
              @Value("${kaoping.demo.enabled:false}") boolean enabled) {
        this.accounts = accounts;
        this.directory = directory;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || directory.regionByCode("QH").isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            if (accounts.exists("city_admin")) {
                return;
            }
            regional("city_admin", "清河市房产局 张科长", Role.CITY_ADMIN, "QH");
            regional("hedong_admin", "河东区住建局 李主任", Role.DISTRICT_ADMIN, "QH-HD");
            regional("hexi_admin", "河西区住建局 王主任", Role.DISTRICT_ADMIN, "QH-HX");
            regional("xingang_admin", "新港区住建局 赵主任", Role.DISTRICT_ADMIN, "QH-XG");
            regional("hedong_dept", "河东区城管执法局 刘科员", Role.DISTRICT_DEPT, "QH-HD");
            for (RegionRef street : directory.regions(RegionLevel.STREET)) {
                String suffix = street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();
                regional("street_" + suffix, street.name() + " 物业办", Role.STREET_OFFICER, street.code());
            }
            regional("community_df01", "东风街道第一社区 居委会", Role.COMMUNITY_STAFF, "QH-HD-DF-01");
            regional("association", "清河市物业管理协会", Role.ASSOCIATION, "QH");
            regional("expert", "行业专家 孙工", Role.EXPERT, "QH");
            regional("expert2", "行业专家 周工", Role.EXPERT, "QH");
            regional("expert3", "行业专家 吴工", Role.EXPERT, "QH");
            regional("hedong_association", "河东区物业管理协会", Role.ASSOCIATION, "QH-HD");
            directory.firstCompanyId().ifPresent(company -> accounts.insert(new UserForm("company_user",
                    directory.companyName(company).orElse("物业企业") + " 管理员", Role.COMPANY_USER, null, company,
                    null, PASSWORD)));
            directory.firstEstateWithCommittee().ifPresent(estate -> accounts.insert(new UserForm("committee_member",
                    estate.name() + " 业委会主任", Role.COMMITTEE_MEMBER, null, null, estate.id(), PASSWORD)));
            log.info("Demo users created (password " + PASSWORD + "): see the README");
        });
    }

    private void regional(String username, String name, Role role, String regionCode) {
        RegionRef region = directory.regionByCode(regionCode)
                .orElseThrow(() -> new IllegalStateException("demo region missing: " + regionCode));
        accounts.insert(new UserForm(username, name, role, region.id(), null, null, PASSWORD));
    }
}
