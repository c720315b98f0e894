package cn.kaoping.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live OpenAPI description ({@code /v3/api-docs}) as a list of operations, with sample values for their path
 * and query parameters and a sketch of their request body, so tests cover every endpoint, new ones included.
 */
public final class ApiDescription {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private final JsonNode doc;

    private ApiDescription(JsonNode doc) {
        this.doc = doc;
    }

    public static ApiDescription fetch(int port) {
        HttpResponse<String> res = ApiClient.anonymous(port).get("/v3/api-docs");
        if (res.statusCode() != 200) {
            throw new IllegalStateException("no API description: " + res.statusCode());
        }
        return new ApiDescription(JSON.readTree(res.body()));
    }

    /** One operation: method, path template, its parameters and request body. */
    public record Operation(String method, String path, JsonNode node, ApiDescription api) {

        public List<String> pathParams() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAM.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        public List<JsonNode> requiredQueryParams() {
            List<JsonNode> q = new ArrayList<>();
            for (JsonNode p : node.path("parameters")) {
                if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean(false)) {
                    q.add(p);
                }
            }
            return q;
        }

        /** The media types the body may have (empty when the operation takes none). */
        public List<String> bodyMediaTypes() {
            List<String> types = new ArrayList<>();
            node.path("requestBody").path("content").propertyNames().forEach(types::add);
            return types;
        }

        public boolean takesMultipart() {
            return bodyMediaTypes().stream().anyMatch(t -> t.startsWith("multipart/"))
                    || requiredQueryParams().stream().anyMatch(p -> "binary".equals(
                    api.resolve(p.path("schema")).path("format").asString()));
        }

        /** The JSON schema of the body, references resolved at the top level, or a missing node. */
        public JsonNode bodySchema() {
            JsonNode content = node.path("requestBody").path("content");
            Iterator<String> names = content.propertyNames().iterator();
            while (names.hasNext()) {
                String t = names.next();
                if (t.contains("json") || t.equals("*/*")) {
                    return api.resolve(content.path(t).path("schema"));
                }
            }
            return JSON.missingNode();
        }

        /** The path with the given values in place of its parameters, plus required query parameters. */
        public String url(Map<String, String> values, String queryValue) {
            Matcher m = PARAM.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
            }
            m.appendTail(sb);
            List<String> query = new ArrayList<>();
            for (JsonNode p : requiredQueryParams()) {
                if (!"binary".equals(api.resolve(p.path("schema")).path("format").asString())) {
                    query.add(p.path("name").asString() + "=" + Browserless.enc(queryValue != null ? queryValue
                            : api.sample(p.path("schema"), 0).asString()));
                }
            }
            return sb + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }

        /** The prefix up to a parameter: {@code /api/v1/estates/{id}/committee} → {@code /api/v1/estates}. */
        public String listBefore(String param) {
            return path.substring(0, path.indexOf("{" + param + "}") - 1);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public List<Operation> operations(String... methods) {
        List<Operation> ops = new ArrayList<>();
        List<String> wanted = List.of(methods);
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (wanted.contains(method)) {
                    ops.add(new Operation(method, path.getKey(), op.getValue(), this));
                }
            }
        }
        return ops;
    }

    /** Follows a {@code $ref} into {@code components}. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asString();
            s = doc.at(ref.substring(1));
        }
        return s;
    }

    /** The schema's type, reading OpenAPI 3.1's type arrays ({@code ["string", "null"]}) too. */
    public String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asString())) {
                    return x.asString();
                }
            }
        }
        if (t.isString()) {
            return t.asString();
        }
        if (s.has("properties")) {
            return "object";
        }
        for (String combo : List.of("oneOf", "anyOf", "allOf")) {
            if (s.has(combo) && s.get(combo).size() > 0) {
                return type(s.get(combo).get(0));
            }
        }
        return "";
    }

    /** A plausible value for a schema, to depth {@code depth}: what a careful client would send. */
    public JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String format = s.path("format").asString("");
        return switch (type(s)) {
            case "string" -> JSON.getNodeFactory().stringNode(switch (format) {
                case "date" -> "2024-06-30";
                case "date-time" -> "2024-06-30T08:00:00Z";
                default -> "测试";
            });
            case "integer" -> JSON.getNodeFactory().numberNode(1);
            case "number" -> JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1.5"));
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> depth > 4 ? JSON.createArrayNode()
                    : JSON.createArrayNode().add(sample(s.path("items"), depth + 1));
            case "object" -> {
                var o = JSON.createObjectNode();
                if (depth <= 4) {
                    for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                        o.set(p.getKey(), sample(p.getValue(), depth + 1));
                    }
                }
                yield o;
            }
            default -> JSON.getNodeFactory().stringNode("测试");
        };
    }

    /** The first {@code id} (or named field) in a JSON answer: a list, a page's rows, or one record. */
    public static Optional<String> firstValue(JsonNode node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            JsonNode v = node.get(field);
            if (v != null && (v.isNumber() || v.isString()) && !v.asString().isBlank()) {
                return Optional.of(v.asString());
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isContainer()) {
                    Optional<String> found = firstValue(e.getValue(), field);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                Optional<String> found = firstValue(e, field);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Real values for the path parameters of the operations, as {@code client} sees them (its list pages). */
    public static Map<String, String> realPathValues(Operation op, ApiClient client, Map<String, JsonNode> cache) {
        return realPathValues(op, client, cache, segment -> Optional.empty());
    }

    /**
     * Real values for the path parameters, as {@code client} sees them on the list page before each parameter;
     * where there is no such list, {@code fallback} is asked with the path segment before the parameter.
     */
    public static Map<String, String> realPathValues(Operation op, ApiClient client, Map<String, JsonNode> cache,
                                                     java.util.function.Function<String, Optional<String>> fallback) {
        Map<String, String> values = new HashMap<>();
        for (String param : op.pathParams()) {
            String prefix = concreteListPrefix(op.listBefore(param), values);
            JsonNode answer = cache.computeIfAbsent(prefix, p -> {
                HttpResponse<String> res = client.get(p);
                try {
                    return res.statusCode() == 200 ? JSON.readTree(res.body()) : JSON.missingNode();
                } catch (RuntimeException e) {
                    return JSON.missingNode();
                }
            });
            String field = param.equals("id") || param.endsWith("Id") ? "id" : param;
            String segment = prefix.substring(prefix.lastIndexOf('/') + 1);
            values.put(param, firstValue(answer, field).or(() -> fallback.apply(segment)).orElse("1"));
        }
        return values;
    }

    /**
     * Where no list answers for a path segment ({@code /inspections/{id}}), the latest row of the table named after it
     * ({@code inspection}, or {@code credit_record} for {@code records}).
     */
    public static Optional<String> latestRowOf(org.springframework.jdbc.core.simple.JdbcClient jdbc, String segment) {
        String singular = segment.endsWith("ies") ? segment.substring(0, segment.length() - 3) + "y"
                : segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
        for (String table : jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                WHERE c.table_schema = 'public' AND c.column_name = 'id'
                  AND (c.table_name = :s OR c.table_name LIKE '%\\_' || :s) ORDER BY length(c.table_name)""")
                .param("s", singular).query(String.class).list()) {
            Optional<String> id = jdbc.sql("SELECT max(id)::text FROM " + table).query(String.class).optional()
                    .filter(java.util.Objects::nonNull);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static String concreteListPrefix(String list, Map<String, String> values) {
        Matcher m = PARAM.matcher(list);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
