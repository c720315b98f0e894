package cn.kaoping.organisation.demo;

import cn.kaoping.organisation.CommitteeKind;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.ManagementMode;
import cn.kaoping.organisation.UnifiedCreditCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fictional city 清河市 for demos and tests: 3 districts, 9 street offices, 30 communities, 240 estates,
 * 40 companies and about 100,000 households, generated from a fixed seed so every start looks the same.
 * Loaded once, under an advisory lock so that instances starting together do not load it twice.
 */
@Component
@Order(10)
class DemoCity implements ApplicationRunner {

    static final long SEED = 20_201_231L;
    private static final Log log = LogFactory.getLog(DemoCity.class);
    private static final long LOAD_LOCK = 0x64656d6fL; // "demo"

    static final String[][] DISTRICTS = {
            {"HD", "河东区", "DF:东风街道", "CY:朝阳街道", "GM:光明街道"},
            {"HX", "河西区", "XH:西湖街道", "BH:滨河街道", "GY:桂园街道"},
            {"XG", "新港区", "GW:港湾街道", "HC:海城街道", "JS:金沙街道"}};
    private static final String[] COMMUNITY_NAMES = {"花园", "新村", "文化", "建设", "人民", "和平", "育才", "胜利",
            "民主", "红旗", "向阳", "幸福", "长青", "友谊", "团结", "前进", "振兴", "安康"};
    private static final String[] ESTATE_A = {"锦绣", "翠湖", "阳光", "金桥", "紫荆", "丽景", "春晖", "东方", "碧水",
            "绿洲", "盛世", "御景", "滨江", "龙湖", "华府", "凤凰", "万象", "颐和", "书香", "枫林", "星河", "天悦",
            "嘉禾", "银杏", "海棠", "梧桐", "兰亭", "君悦", "怡景", "朗润"};
    private static final String[] ESTATE_B = {"花园", "家园", "雅苑", "华庭", "名都", "公馆", "新城", "佳苑", "府邸",
            "湾", "小区", "国际", "里", "苑"};
    private static final String[] OLD_ESTATES = {"纺织厂家属院", "机械厂宿舍", "粮食局家属院", "第二建筑公司宿舍",
            "电业局小区", "百货公司家属院", "化肥厂生活区", "铁路新村", "邮电小区", "轻工局宿舍", "棉纺三厂生活区",
            "供销社家属院", "水利局小区", "自来水公司宿舍", "卫校家属院"};
    private static final String[] ROADS = {"建设路", "人民路", "中山路", "解放路", "和平路", "文化路", "滨河路",
            "海港大道", "金沙路", "光明街", "朝阳路", "东风路", "桂园路", "西湖路", "新华路"};
    private static final String[] COMPANY_A = {"清河", "万家", "安居", "顺达", "宏远", "金盾", "惠民", "鑫源", "华泰",
            "盛邦", "海川", "佳美", "恒信", "绿城", "居安", "康乐", "祥和", "通达", "诚信", "德润"};
    private static final String[] COMPANY_B = {"物业服务有限公司", "物业管理有限公司", "物业服务集团有限公司"};
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final DemoSettings settings;

    DemoCity(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, DemoSettings settings) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOAD_LOCK).query().singleRow();
            if (jdbc.sql("SELECT count(*) FROM region").query(Long.class).single() > 0) {
                return;
            }
            long started = System.nanoTime();
            int households = load(new Random(SEED));
            log.info("Loaded the demo city 清河市 with " + households + " households in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        });
    }

    private long region(Long parent, String level, String code, String name, String parentPath) {
        long id = jdbc.sql("INSERT INTO region (parent_id, level, code, name) VALUES (:p, :l, :c, :n) RETURNING id")
                .param("p", parent).param("l", level).param("c", code).param("n", name).query(Long.class).single();
        jdbc.sql("UPDATE region SET path = :path WHERE id = :id").param("path", parentPath + id + "/")
                .param("id", id).update();
        return id;
    }

    private int load(Random random) {
        long city = region(null, "CITY", "QH", "清河市", "/");
        String cityPath = "/" + city + "/";
        List<long[]> communities = new ArrayList<>(); // {id} with path kept alongside
        List<String> communityPaths = new ArrayList<>();
        int communityNo = 0;
        for (String[] d : DISTRICTS) {
            long district = region(city, "DISTRICT", "QH-" + d[0], d[1], cityPath);
            String districtPath = cityPath + district + "/";
            for (int s = 2; s < d.length; s++) {
                String[] street = d[s].split(":");
                long streetId = region(district, "STREET", "QH-" + d[0] + "-" + street[0], street[1], districtPath);
                String streetPath = districtPath + streetId + "/";
                // 30 communities over 9 streets: the first three streets get four
                int count = communityNo < 12 ? 4 : 3;
                for (int c = 1; c <= count; c++) {
                    String name = COMMUNITY_NAMES[(communityNo * 7 + c) % COMMUNITY_NAMES.length] + "社区";
                    long id = region(streetId, "COMMUNITY", "QH-" + d[0] + "-" + street[0] + "-" + String.format("%02d", c),
                            name, streetPath);
                    communities.add(new long[] {id});
                    communityPaths.add(streetPath + id + "/");
                    communityNo++;
                }
            }
        }

        List<Long> companies = new ArrayList<>();
        List<List<Long>> managers = new ArrayList<>();
        Set<String> companyNames = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String name;
            do {
                int a = random.nextInt(COMPANY_A.length);
                int b = (a + 1 + random.nextInt(COMPANY_A.length - 1)) % COMPANY_A.length;
                name = COMPANY_A[a] + COMPANY_A[b]
                        + COMPANY_B[random.nextInt(COMPANY_B.length)];
            } while (!companyNames.add(name));
            long id = jdbc.sql("""
                    INSERT INTO property_company (name, credit_code, contact_person, contact_phone, address)
                    VALUES (:n, :c, :p, :t, :a) RETURNING id""")
                    .param("n", "清河市" + name).param("c", creditCode(random)).param("p", person(random))
                    .param("t", phone(random)).param("a", "清河市" + ROADS[random.nextInt(ROADS.length)]
                            + (10 + random.nextInt(300)) + "号")
                    .query(Long.class).single();
            companies.add(id);
            List<Long> ms = new ArrayList<>();
            for (int m = 0, n = 2 + random.nextInt(4); m < n; m++) {
                ms.add(jdbc.sql("""
                        INSERT INTO project_manager (company_id, name, phone, certificate_no)
                        VALUES (:c, :n, :p, :cert) RETURNING id""")
                        .param("c", id).param("n", person(random)).param("p", phone(random))
                        .param("cert", "WY" + (100000 + random.nextInt(900000))).query(Long.class).single());
            }
            managers.add(ms);
        }

        StringBuilder householdCsv = new StringBuilder(4_000_000);
        Set<String> estateNames = new HashSet<>();
        int householdTotal = 0;
        int oldNo = 0;
        for (int e = 0; e < 240; e++) {
            int c = e % communities.size();
            boolean old = random.nextInt(100) < 30;
            String name;
            if (old) {
                name = ROADS[random.nextInt(ROADS.length)] + OLD_ESTATES[oldNo++ % OLD_ESTATES.length];
                if (!estateNames.add(name)) {
                    name = name + (oldNo / OLD_ESTATES.length + 1) + "号院";
                    estateNames.add(name);
                }
            } else {
                do {
                    name = ESTATE_A[random.nextInt(ESTATE_A.length)] + ESTATE_B[random.nextInt(ESTATE_B.length)];
                } while (!estateNames.add(name));
            }
            ManagementMode mode = ManagementMode.COMPANY;
            if (old) {
                int r = random.nextInt(100);
                mode = r < 60 ? ManagementMode.COMPANY : r < 75 ? ManagementMode.EMPLOYER
                        : r < 90 ? ManagementMode.CITY_SERVICE : ManagementMode.NONE;
            }
            EstateCategory category = old || random.nextInt(100) < 20 ? EstateCategory.BASIC
                    : EstateCategory.PROFESSIONAL;
            // about 100,000 households over 240 estates: old estates are small, new ones larger
            int target = old ? 60 + random.nextInt(300) : 150 + random.nextInt(850);
            int units = old ? 1 + random.nextInt(3) : 1 + random.nextInt(4);
            int floors = old ? 5 + random.nextInt(3) : 6 + random.nextInt(27);
            int perFloor = 2;
            int buildings = (target + units * floors * perFloor - 1) / (units * floors * perFloor);
            Long company = null;
            Long manager = null;
            LocalDate contractStart = null;
            boolean filed = false;
            if (mode == ManagementMode.COMPANY) {
                int ci = random.nextInt(companies.size());
                company = companies.get(ci);
                List<Long> ms = managers.get(ci);
                manager = ms.get(random.nextInt(ms.size()));
                contractStart = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1);
                filed = random.nextInt(100) < 80;
            }
            BigDecimal area = BigDecimal.ZERO;
            long estateId = jdbc.sql("""
                    INSERT INTO estate (name, address, community_id, region_path, category, old_estate, management_mode,
                                        floor_area, household_count, company_id, project_manager_id, contract_start,
                                        contract_filed)
                    VALUES (:n, :a, :c, :path, :cat, :old, :mode, 0, 0, :co, :pm, :start, :filed) RETURNING id""")
                    .param("n", name).param("a", "清河市" + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(500)) + "号")
                    .param("c", communities.get(c)[0]).param("path", communityPaths.get(c))
                    .param("cat", category.name()).param("old", old).param("mode", mode.name()).param("co", company)
                    .param("pm", manager).param("start", contractStart == null ? null : java.sql.Date.valueOf(contractStart))
                    .param("filed", filed).query(Long.class).single();
            int made = 0;
            outer:
            for (int b = 1; b <= buildings; b++) {
                for (int u = 1; u <= units; u++) {
                    for (int f = 1; f <= floors; f++) {
                        for (int r = 1; r <= perFloor; r++) {
                            if (made == target) {
                                break outer;
                            }
                            BigDecimal a = BigDecimal.valueOf((old ? 4000 : 6000) + random.nextInt(old ? 4500 : 9000), 2);
                            area = area.add(a);
                            householdCsv.append(estateId).append(',').append(b).append(',').append(u).append(',')
                                    .append(f).append(String.format("%02d", r)).append(',').append(a.toPlainString())
                                    .append('\n');
                            made++;
                        }
                    }
                }
            }
            householdTotal += made;
            // the building area includes common parts: about 18 % over the exclusive parts
            BigDecimal floorArea = area.multiply(new BigDecimal("1.18")).setScale(2, RoundingMode.HALF_UP);
            jdbc.sql("UPDATE estate SET floor_area = :a, household_count = :h WHERE id = :id")
                    .param("a", floorArea).param("h", made).param("id", estateId).update();
            if (random.nextInt(100) < 75) {
                CommitteeKind kind = old && mode != ManagementMode.COMPANY ? CommitteeKind.INTERIM : CommitteeKind.OWNERS;
                LocalDate start = LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1);
                int members = 5 + 2 * random.nextInt(4);
                jdbc.sql("""
                        INSERT INTO owners_committee (estate_id, kind, term_start, term_end, member_count, party_member_count)
                        VALUES (:e, :k, :s, :t, :m, :p)""")
                        .param("e", estateId).param("k", kind.name()).param("s", java.sql.Date.valueOf(start))
                        .param("t", java.sql.Date.valueOf(start.plusYears(5))).param("m", members)
                        .param("p", random.nextInt(members / 2 + 1)).update();
            }
        }
        copyHouseholds(householdCsv.toString());
        return householdTotal;
    }

    private void copyHouseholds(String csv) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY household (estate_id, building, unit, room, floor_area) FROM STDIN (FORMAT csv)",
                    new StringReader(csv));
        } catch (SQLException e) {
            throw new IllegalStateException("demo households could not be loaded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static String creditCode(Random random) {
        StringBuilder sb = new StringBuilder("91").append("3701").append(String.format("%02d", random.nextInt(100)));
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 9; i++) {
            sb.append(alphabet.charAt(random.nextInt(i < 8 ? 31 : 10)));
        }
        return sb.append(UnifiedCreditCode.checkCharacter(sb.toString())).toString();
    }

    private static String person(Random random) {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
    }

    private static String phone(Random random) {
        return "13" + (100000000 + random.nextInt(900000000));
    }
}
