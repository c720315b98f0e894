package cn.kaoping.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.ApiDescription;
import cn.kaoping.support.ApiDescription.Operation;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.kaoping.inspection.RoundFixture;
import cn.kaoping.organisation.OrganisationDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write endpoint of the live OpenAPI description (so new ones are covered without touching this test) gets a
 * corpus of bad input as a user allowed to use it, with real ids in its path: malformed JSON, wrong shapes and
 * types, 100,000-character strings, huge and negative numbers, injection strings, impossible dates, bytes that are
 * not UTF-8, XML and the wrong Content-Type. Whatever the answer, it is never a 5xx. Runs last: some of the bodies
 * are accepted and change the demo data.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class ApiFuzzTests {

    private static final String JSON = "application/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> USERS = List.of("hedong_admin", "street_df", "city_admin", "company_user",
            "committee_member", "admin");
    private static final List<String> INJECTIONS = List.of("' OR '1'='1'; DROP TABLE estate; --",
            "<script>alert(1)</script>\"><img src=x onerror=alert(1)> ${jndi:ldap://x/a} #{7*7} {{7*7}}",
            "../../../../etc/passwd \uD83D\uDE00\u202E\uFEFF 零宽\u200B");
    private static final List<String> BAD_IDS = List.of("abc", "-1", "99999999999999999999", "%00");

    @LocalServerPort
    int port;

    private int sent;
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();

    record Variant(String name, String contentType, byte[] body) {
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationDirectory directory;

    private Optional<String> anyRowOf(String segment) {
        return ApiDescription.latestRowOf(jdbc, segment);
    }

    @Test
    void noBadInputToAnyWriteEndpointAnswersA5xx() throws IOException {
        RoundFixture.openOverDongfeng(port, directory, 5); // a round with inspection tasks to aim at
        long started = System.nanoTime();
        ApiDescription api = ApiDescription.fetch(port);
        Map<String, ApiClient> clients = new LinkedHashMap<>();
        USERS.forEach(u -> clients.put(u, ApiClient.as(port, u, u.equals("admin") ? "Qinghe-Test-2026"
                : Browserless.DEMO_PASSWORD)));
        Map<String, Map<String, JsonNode>> lists = new HashMap<>();
        List<Operation> ops = api.operations("POST", "PUT", "PATCH", "DELETE");
        for (Operation op : ops) {
            fuzz(api, op, clients, lists);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String summary = "API fuzz: " + ops.size() + " write endpoints, " + sent + " requests, " + failures.size()
                + " answered 5xx, " + seconds + " s; answers by status " + statuses;
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-fuzz.txt"), summary + "\n" + String.join("\n", failures) + "\n"
                + String.join("\n", trace) + "\n");
        assertThat(ops).hasSizeGreaterThan(40);
        assertThat(failures).as(summary).isEmpty();
    }

    private void fuzz(ApiDescription api, Operation op, Map<String, ApiClient> clients,
                      Map<String, Map<String, JsonNode>> lists) {
        JsonNode schema = op.bodySchema();
        JsonNode sample = schema.isMissingNode() ? NODES.objectNode() : api.sample(schema, 0);
        // the first user the endpoint does not refuse, with ids he can see
        ApiClient client = null;
        Map<String, String> ids = Map.of();
        for (Map.Entry<String, ApiClient> c : clients.entrySet()) {
            Map<String, String> values = ApiDescription.realPathValues(op, c.getValue(),
                    lists.computeIfAbsent(c.getKey(), k -> new HashMap<>()), this::anyRowOf);
            int status = op.method().equals("DELETE") ? 0
                    : send(op, c.getValue(), op.url(values, null), new Variant("probe", JSON, bytes(sample)));
            if (client == null || (status != 403 && status != 404 && status != 401)) {
                client = c.getValue();
                ids = values;
            }
            if (status != 403 && status != 404 && status != 401) {
                break;
            }
        }
        for (String bad : BAD_IDS) {
            if (op.pathParams().isEmpty()) {
                break;
            }
            Map<String, String> wrong = new HashMap<>(ids);
            wrong.put(op.pathParams().get(op.pathParams().size() - 1), bad);
            send(op, client, op.url(wrong, null), op.method().equals("DELETE") ? new Variant("id " + bad, null, null)
                    : new Variant("id " + bad, JSON, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        if (op.method().equals("DELETE")) {
            return; // a real id would delete the record: the bad ids above are the DELETE corpus
        }
        String url = op.url(ids, null);
        trace.add(op + " → " + url);
        for (Variant v : corpus(sample, op.takesMultipart())) {
            send(op, client, url, v);
        }
        if (!op.requiredQueryParams().isEmpty()) {
            for (String q : List.of(INJECTIONS.get(0), "长".repeat(500), "")) {
                send(op, client, op.url(ids, q), new Variant("query " + q.length(), JSON, bytes(sample)));
            }
        }
    }

    private int send(Operation op, ApiClient client, String url, Variant v) {
        sent++;
        HttpResponse<String> res;
        try {
            res = client.raw(op.method(), url, v.contentType(), v.body(), "X-Forwarded-For", "198.51.100.77");
        } catch (UncheckedIOException e) {
            failures.add(op + " [" + v.name() + "] " + url + " → connection " + e.getMessage());
            return 599;
        }
        statuses.merge(res.statusCode(), 1, Integer::sum);
        if (v.name().equals("sample")) {
            trace.add("   sample " + res.statusCode() + " " + res.body().substring(0, Math.min(150, res.body().length())));
        }
        if (res.statusCode() >= 500) {
            String body = res.body() == null ? "" : res.body();
            failures.add(op + " [" + v.name() + "] " + url + " → " + res.statusCode() + " "
                    + body.substring(0, Math.min(200, body.length())));
        }
        return res.statusCode();
    }

    static List<Variant> corpus(JsonNode sample, boolean multipart) {
        List<Variant> c = new ArrayList<>();
        c.add(new Variant("malformed JSON", JSON, utf8("{\"name\": \"x\", ")));
        c.add(new Variant("empty object", JSON, utf8("{}")));
        c.add(new Variant("empty array", JSON, utf8("[]")));
        c.add(new Variant("array of empty objects", JSON, utf8("[{}, null]")));
        c.add(new Variant("null", JSON, utf8("null")));
        c.add(new Variant("bare string", JSON, utf8("\"x\"")));
        c.add(new Variant("huge number", JSON, utf8("1e999999")));
        c.add(new Variant("deep nesting", JSON, utf8("[".repeat(3000) + "]".repeat(3000))));
        c.add(new Variant("not UTF-8", JSON, new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', '}'}));
        c.add(new Variant("XML", "application/xml", utf8("<?xml version=\"1.0\"?><a><b>1</b></a>")));
        c.add(new Variant("JSON as text/plain", "text/plain", bytes(sample)));
        c.add(new Variant("form-encoded", "application/x-www-form-urlencoded", utf8("name=x&id=1")));
        c.add(new Variant("empty body", JSON, new byte[0]));
        c.add(new Variant("no content type", null, bytes(sample)));
        c.add(new Variant("sample", JSON, bytes(sample)));
        c.add(new Variant("100,000-character strings", JSON, bytes(mutate(sample, n -> n.isString()
                ? NODES.stringNode("长".repeat(100_000)) : n))));
        for (String inj : INJECTIONS) {
            c.add(new Variant("injection " + inj.substring(0, 3), JSON, bytes(mutate(sample, n -> n.isString()
                    ? NODES.stringNode(inj) : n))));
        }
        for (String num : List.of("99999999999999999999999999", "-99999999999999999999999999", "1e400",
                "2147483648")) {
            c.add(new Variant("number " + num, JSON, bytes(mutate(sample, n -> n.isNumber()
                    ? NODES.numberNode(new java.math.BigDecimal(num)) : n))));
        }
        for (String date : List.of("2024-02-30", "+999999999-12-31", "-999999999-01-01")) {
            c.add(new Variant("date " + date, JSON, bytes(mutate(sample, n -> n.isString()
                    && n.asString().matches("\\d{4}-\\d{2}-\\d{2}.*") ? NODES.stringNode(date) : n))));
        }
        c.add(new Variant("wrong types", JSON, bytes(mutate(sample, n -> n.isString() ? NODES.numberNode(12345)
                : n.isNumber() ? NODES.stringNode("abc") : n.isBoolean() ? NODES.stringNode("maybe") : n))));
        c.add(new Variant("objects for values", JSON, bytes(mutate(sample, n -> n.isValueNode()
                ? NODES.objectNode().put("x", 1) : n))));
        c.add(new Variant("nulls", JSON, bytes(mutate(sample, n -> n.isValueNode() ? NODES.nullNode() : n))));
        c.add(new Variant("NUL characters", JSON, bytes(mutate(sample, n -> n.isString()
                ? NODES.stringNode("a\u0000b") : n))));
        if (multipart) {
            c.add(multipart("empty file", "x.pdf", new byte[0], "file"));
            c.add(multipart("garbage file", "x.exe", utf8("MZ\u0000garbage".repeat(100)), "file"));
            c.add(multipart("wrong part name", "x.pdf", utf8("%PDF-1.4"), "other"));
            c.add(new Variant("multipart without boundary", "multipart/form-data", utf8("--x--")));
        }
        return c;
    }

    /** The sample with every value node replaced by {@code f} (object and array shapes kept). */
    static JsonNode mutate(JsonNode node, UnaryOperator<JsonNode> f) {
        if (node.isObject()) {
            ObjectNode o = NODES.objectNode();
            node.properties().forEach(e -> o.set(e.getKey(), mutate(e.getValue(), f)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            node.forEach(e -> a.add(mutate(e, f)));
            return a;
        }
        return f.apply(node);
    }

    private static Variant multipart(String name, String filename, byte[] content, String part) {
        String boundary = "fuzz" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return new Variant(name, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static byte[] bytes(JsonNode node) {
        return ApiDescription.JSON.writeValueAsBytes(node);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
