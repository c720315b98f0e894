package cn.kaoping.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.ApiDescription;
import cn.kaoping.support.ApiDescription.Operation;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the live OpenAPI description × every scoped role of the demo city, aimed at records of other
 * regions, companies and estates: a record is foreign to a user when it names an estate ({@code estateId}) outside
 * his scope, or, naming no estate, a company ({@code companyId}) that serves none of his estates (a credit file, a
 * circular, an interview). A read that shows such a record, or a 2xx to a change of a record wholly outside his scope,
 * is a leak. Lists are read as each user and must name none of them. Published results (rankings, a published
 * round's results, the credit ranking, commendations), schemes and the registry's company directory are public by
 * design and not checked. Runs last: a leak would change the demo data.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class ScopeMatrixTests {

    /** Deliberately public to every official (and mostly to everyone on the public site). */
    private static final List<String> PUBLIC = List.of("/api/v1/rankings", "/api/v1/credit/ranking",
            "/api/v1/escalation/commendations", "/api/v1/schemes", "/api/v1/auth",
            "/api/v1/rounds/{id}/results/"); // a published revision's results: 公示, on the public site too
    /**
     * The registry of companies: every official picks a company from the whole city's list (to register an estate's
     * new company, to enter a credit record), so it names every company by design; its records are judged by estates.
     */
    private static final List<String> COMPANY_DIRECTORY = List.of("/api/v1/companies");
    /** Users whose records the others are aimed at: different districts, streets, a company. */
    private static final List<String> OWNERS = List.of("city_admin", "hexi_admin", "street_df", "street_xh",
            "xingang_admin", "company_user");
    /** Every demo user bound to a scope smaller than the city. */
    private static final List<String> READERS = List.of("hedong_admin", "hexi_admin", "xingang_admin", "hedong_dept",
            "street_df", "street_xh", "street_gm", "community_df01", "company_user", "committee_member");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationDirectory directory;

    private int checks;
    private int companyChecks;
    private final List<String> leaks = new ArrayList<>();

    /** The estates a user may see: his region's subtree, his company's estates, or his committee's estate. */
    private Set<Long> estatesOf(String username) {
        return new HashSet<>(jdbc.sql("""
                SELECT e.id FROM estate e, app_user u LEFT JOIN region r ON r.id = u.region_id
                WHERE u.username = :u AND (
                    (u.role IN ('COMPANY_USER') AND (e.company_id = u.company_id
                        -- a round keeps the company an estate had when it was assessed
                        OR e.id IN (SELECT estate_id FROM inspection WHERE company_id = u.company_id)))
                 OR (u.role = 'COMMITTEE_MEMBER' AND e.id = u.estate_id)
                 OR (r.id IS NOT NULL AND e.region_path LIKE r.path || '%'))""")
                .param("u", username).query(Long.class).list());
    }

    /** The companies a user may see: those serving (or having served, when assessed) an estate he may see. */
    private Set<Long> companiesOf(String username, Set<Long> estates) {
        if (estates.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT company_id FROM estate WHERE id IN (:e) AND company_id IS NOT NULL
                UNION SELECT company_id FROM inspection WHERE estate_id IN (:e) AND company_id IS NOT NULL
                UNION SELECT company_id FROM app_user WHERE username = :u AND company_id IS NOT NULL""")
                .param("e", estates).param("u", username).query(Long.class).list());
    }

    private static Set<Long> estateIds(JsonNode node, Set<Long> into) {
        return ids(node, "estateId", into);
    }

    private static Set<Long> companyIds(JsonNode node, Set<Long> into) {
        return ids(node, "companyId", into);
    }

    private static Set<Long> ids(JsonNode node, String key, Set<Long> into) {
        if (node == null) {
            return into;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals(key) && e.getValue().isNumber()) {
                    into.add(e.getValue().asLong());
                } else if (e.getValue().isContainer()) {
                    ids(e.getValue(), key, into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> ids(n, key, into));
        }
        return into;
    }

    private static JsonNode json(HttpResponse<String> res) {
        try {
            return res.statusCode() / 100 == 2 ? ApiDescription.JSON.readTree(res.body()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isPublic(Operation op) {
        return PUBLIC.stream().anyMatch(op.path()::startsWith);
    }

    @Test
    void noRoleReadsOrChangesAnotherScopesRecords() throws IOException {
        RoundFixture.openOverDongfeng(port, directory, 5); // inspections of 东风街道 to aim at
        ApiDescription api = ApiDescription.fetch(port);
        Map<String, ApiClient> clients = new LinkedHashMap<>();
        for (String u : new LinkedHashSet<>(concat(OWNERS, READERS))) {
            clients.put(u, ApiClient.as(port, u, Browserless.DEMO_PASSWORD));
        }
        Map<String, Set<Long>> scopes = new HashMap<>();
        Map<String, Set<Long>> companyScopes = new HashMap<>();
        READERS.forEach(u -> scopes.put(u, estatesOf(u)));
        READERS.forEach(u -> companyScopes.put(u, companiesOf(u, scopes.get(u))));
        List<Operation> reads = api.operations("GET");
        List<Operation> writes = api.operations("POST", "PUT", "PATCH", "DELETE");

        // lists: what each reader gets names only his estates
        for (Operation op : reads) {
            if (!op.pathParams().isEmpty() || isPublic(op)) {
                continue;
            }
            for (String reader : READERS) {
                checks++;
                HttpResponse<String> res = clients.get(reader).get(op.url(Map.of(), null));
                JsonNode body = json(res);
                Set<Long> named = estateIds(body, new HashSet<>());
                named.removeAll(scopes.get(reader));
                if (!named.isEmpty()) {
                    leaks.add(reader + " " + op + " lists foreign estates " + named);
                }
                if (!COMPANY_DIRECTORY.contains(op.path())) {
                    Set<Long> companies = companyIds(body, new HashSet<>());
                    companies.removeAll(companyScopes.get(reader));
                    if (!companies.isEmpty()) {
                        leaks.add(reader + " " + op + " lists foreign companies " + companies);
                    }
                }
            }
        }

        // single records and changes, aimed at the owners' records
        Map<String, Map<String, JsonNode>> lists = new HashMap<>();
        for (Operation op : concat(reads, writes)) {
            if (op.pathParams().isEmpty() || isPublic(op)) {
                continue;
            }
            Operation resource = op.method().equals("GET") ? op : resourceOf(op, reads);
            Set<String> urls = new LinkedHashSet<>();
            for (String owner : OWNERS) {
                Map<String, String> values = ApiDescription.realPathValues(op, clients.get(owner),
                        lists.computeIfAbsent(owner, k -> new HashMap<>()), this::anyRowOf);
                urls.add(op.url(values, null) + "\u0000" + (resource == null ? "" : resource.url(values, null)));
            }
            for (String pair : urls) {
                String url = pair.substring(0, pair.indexOf('\u0000'));
                String resourceUrl = pair.substring(pair.indexOf('\u0000') + 1);
                if (resourceUrl.isEmpty()) {
                    continue;
                }
                JsonNode record = json(clients.get("city_admin").get(resourceUrl));
                Set<Long> named = estateIds(record, new HashSet<>());
                // a record that names no estate is judged by the companies it names (a credit file, a circular)
                boolean byCompany = named.isEmpty();
                if (byCompany) {
                    named = companyIds(record, new HashSet<>());
                }
                if (named.isEmpty() || (byCompany && COMPANY_DIRECTORY.stream().anyMatch(resourceUrl::contains))) {
                    continue; // names no estate or company: not a scoped record (or not there)
                }
                for (String reader : READERS) {
                    Set<Long> foreign = new HashSet<>(named);
                    foreign.removeAll(byCompany ? companyScopes.get(reader) : scopes.get(reader));
                    if (foreign.isEmpty()) {
                        continue;
                    }
                    if (byCompany) {
                        companyChecks++;
                    }
                    if (op.method().equals("GET")) {
                        // a record (or a list within a record) may be shown filtered: it must name none of them
                        checks++;
                        JsonNode seen = json(clients.get(reader).get(url));
                        Set<Long> shown = byCompany ? companyIds(seen, new HashSet<>()) : estateIds(seen, new HashSet<>());
                        shown.removeAll(byCompany ? companyScopes.get(reader) : scopes.get(reader));
                        if (!shown.isEmpty()) {
                            leaks.add(reader + " GET " + url + " shows foreign " + (byCompany ? "companies " : "estates ")
                                    + shown);
                        }
                        continue;
                    }
                    if (foreign.size() < named.size()) {
                        continue; // a record that is partly his (a round over his estates and others'): his to act on
                    }
                    checks++;
                    JsonNode sample = op.bodySchema().isMissingNode() ? null : api.sample(op.bodySchema(), 0);
                    HttpResponse<String> res = clients.get(reader).raw(op.method(), url,
                            sample == null ? null : "application/json",
                            sample == null ? null : sample.toString().getBytes(StandardCharsets.UTF_8));
                    if (res.statusCode() / 100 == 2) {
                        leaks.add(reader + " " + op.method() + " " + url + " → " + res.statusCode()
                                + " (record of " + (byCompany ? "companies " : "estates ") + foreign + ")");
                    }
                }
            }
        }
        String summary = "Scope matrix: " + reads.size() + " GET and " + writes.size() + " write endpoints × "
                + READERS.size() + " users, " + checks + " checks on foreign records (" + companyChecks
                + " of them judged by company), " + leaks.size() + " leaks";
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/scope-matrix.txt"), summary + "\n" + String.join("\n", leaks) + "\n");
        assertThat(checks).isGreaterThan(100);
        assertThat(companyChecks).as("records keyed by company only (credit files) are aimed at").isGreaterThan(10);
        assertThat(leaks).as(summary).isEmpty();
    }

    /** The GET endpoint that shows the record a write changes: the longest GET path that starts the write's path. */
    private static Operation resourceOf(Operation write, List<Operation> reads) {
        Operation best = null;
        for (Operation r : reads) {
            if (!r.pathParams().isEmpty() && write.path().startsWith(r.path())
                    && (best == null || r.path().length() > best.path().length())) {
                best = r;
            }
        }
        return best;
    }

    private Optional<String> anyRowOf(String segment) {
        return ApiDescription.latestRowOf(jdbc, segment);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
