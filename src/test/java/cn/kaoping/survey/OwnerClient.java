package cn.kaoping.survey;

import cn.kaoping.support.Browserless;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An owner's phone without login: opens the estate link, then posts the form with the page's CSRF token. */
public final class OwnerClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    public OwnerClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> open(String linkKey) {
        HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(base + "/s/" + linkKey)).GET().build());
        Matcher m = CSRF.matcher(res.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return res;
    }

    /** Opens the link and submits; answers maps question code to option code. */
    public HttpResponse<String> submit(String linkKey, String building, String room, String code,
                                       Map<String, String> answers) {
        open(linkKey);
        return post(linkKey, building, room, code, answers);
    }

    /** Submits with the token of the page opened before (the page may have changed since). */
    public HttpResponse<String> post(String linkKey, String building, String room, String code,
                                     Map<String, String> answers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("building", building);
        form.put("unit", "");
        form.put("room", room);
        form.put("code", code);
        form.put("via", "link");
        answers.forEach((q, a) -> form.put("q." + q, a));
        form.put("_csrf", csrf == null ? "" : csrf);
        String body = form.entrySet().stream().map(e -> Browserless.enc(e.getKey()) + "=" + Browserless.enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + "/s/" + linkKey))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
