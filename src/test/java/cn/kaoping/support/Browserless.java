package cn.kaoping.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user at the screens over real HTTP: signs in through the login form, keeps the session cookie and sends the
 * CSRF token with every form, as a browser would.
 */
public final class Browserless {

    public static final String DEMO_PASSWORD = "Kaoping2026";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    private String csrf;

    private Browserless(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in; returns a session, or throws if the form did not accept the credentials. */
    public static Browserless signIn(int port, String username, String password) {
        Browserless b = new Browserless(port);
        b.csrf = b.token(b.get("/login").body());
        HttpResponse<String> res = b.post("/login", Map.of("username", username, "password", password));
        String location = res.headers().firstValue("Location").orElse("");
        if (res.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in refused for " + username + ": " + location);
        }
        b.csrf = b.token(b.get("/").body());
        return b;
    }

    /** A client without a session, as the public reaches the public site. */
    public static Browserless anonymous(int port) {
        return new Browserless(port);
    }

    public static HttpResponse<String> attemptSignIn(int port, String username, String password) {
        Browserless b = new Browserless(port);
        b.csrf = b.token(b.get("/login").body());
        return b.post("/login", Map.of("username", username, "password", password));
    }

    /** The session cookies, for downloads with another client. */
    public CookieManager cookies() {
        return cookies;
    }

    private String token(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : csrf;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** The bytes of a download (an .xlsx, a PDF), failing unless it is a 200. */
    public byte[] download(String path) {
        try {
            HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + res.statusCode());
            }
            return res.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")) + (csrf == null ? "" : "&_csrf=" + enc(csrf));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A request with any method and no body, as a browser asking for a page, the CSRF token in its header. */
    public HttpResponse<String> send(String method, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html");
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return send(b.build());
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

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
