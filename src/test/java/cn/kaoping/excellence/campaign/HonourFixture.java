package cn.kaoping.excellence.campaign;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Estates of 东风街道 made for an honour test: managed by a company under contract, with a committee in term. */
public final class HonourFixture {

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;

    public HonourFixture(JdbcClient jdbc, OrganisationDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public long company() {
        return directory.firstCompanyId().orElseThrow();
    }

    public long otherCompany() {
        return jdbc.sql("SELECT id FROM property_company WHERE id <> :c ORDER BY id LIMIT 1").param("c", company())
                .query(Long.class).single();
    }

    public long estate(boolean committee, boolean contract) {
        Map<String, Object> community = jdbc.sql("""
                SELECT c.id, c.path FROM region c JOIN region s ON s.id = c.parent_id
                WHERE s.code = 'QH-HD-DF' ORDER BY c.code LIMIT 1""").query().singleRow();
        long estate = jdbc.sql("""
                INSERT INTO estate (name, address, community_id, region_path, category, old_estate, management_mode,
                                    floor_area, household_count, company_id, contract_start)
                VALUES (:n, '清河市测试路2号', :c, :p, 'PROFESSIONAL', false, 'COMPANY', 50000, 100, :co, :start)
                RETURNING id""")
                .param("n", "市优测试小区" + UUID.randomUUID().toString().substring(0, 6))
                .param("c", community.get("id")).param("p", community.get("path")).param("co", company())
                .param("start", contract ? LocalDate.of(2015, 1, 1) : null).query(Long.class).single();
        if (committee) {
            jdbc.sql("""
                    INSERT INTO owners_committee (estate_id, kind, term_start, term_end, member_count,
                                                  party_member_count)
                    VALUES (:e, 'OWNERS', :from, :to, 7, 2)""")
                    .param("e", estate).param("from", LocalDate.now().minusYears(2))
                    .param("to", LocalDate.now().plusYears(3)).update();
        }
        return estate;
    }

    public KaopingPrincipal at(String username, Role role, String code) {
        RegionRef r = directory.regionByCode(code).orElseThrow();
        return new KaopingPrincipal(0, username, username, role, r.id(), r.path(), null, null);
    }

    public KaopingPrincipal association() {
        return at("association", Role.ASSOCIATION, "QH");
    }

    public KaopingPrincipal districtAssociation() {
        return at("hedong_association", Role.ASSOCIATION, "QH-HD");
    }

    public KaopingPrincipal expert(String name) {
        return at(name, Role.EXPERT, "QH");
    }

    public KaopingPrincipal community() {
        return at("community_df01", Role.COMMUNITY_STAFF, "QH-HD-DF-01");
    }

    public KaopingPrincipal companyUser() {
        return new KaopingPrincipal(0, "company_user", "物业企业", Role.COMPANY_USER, null, null, company(), null);
    }

    public KaopingPrincipal committee(long estate) {
        return new KaopingPrincipal(0, "committee_member", "业委会", Role.COMMITTEE_MEMBER, null, null, null, estate);
    }

    public static byte[] png() {
        try {
            var image = new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
