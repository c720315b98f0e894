import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded load generator for the owner's submit endpoint (issue 5), on loopback, plain threads (Java 17).
 *
 *   java SurveyLoad.java codes <households.csv> <salt-hex> <codes.csv> <hashes.csv>
 *       one fresh 80-bit code per household: codes.csv (link,building,unit,room,code) for the load,
 *       hashes.csv (household_id,sha256(salt||code) hex) for PostgreSQL
 *   java SurveyLoad.java load <port> <codes.csv> <clients> <seconds> <first-code> <max-count> <mode>
 *       mode "submit": each client opens the estate page once (session, CSRF token) and then submits one
 *       response per code, as fast as answers come back; mode "owner": each response is a fresh owner
 *       (open the page, then submit); mode "ballot": as "submit", against the owners' ballot page /s/v/{link} of a
 *       vote (issue 13), one ballot (同意) per code. Prints one line of key=value results.
 */
public class SurveyLoad {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "codes" -> codes(Path.of(args[1]), HexFormat.of().parseHex(args[2]), Path.of(args[3]), Path.of(args[4]));
            case "load" -> load(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]), args[7]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void codes(Path households, byte[] salt, Path codesOut, Path hashesOut) throws Exception {
        SecureRandom random = new SecureRandom();
        StringBuilder codes = new StringBuilder();
        StringBuilder hashes = new StringBuilder();
        for (String line : Files.readAllLines(households)) {
            String[] f = line.split(",", -1); // household_id, estate_id, building, unit, room
            byte[] bytes = new byte[10];
            random.nextBytes(bytes);
            StringBuilder code = new StringBuilder();
            long acc = 0;
            int bits = 0;
            for (byte b : bytes) {
                acc = (acc << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    code.append(ALPHABET.charAt((int) ((acc >>> (bits - 5)) & 31)));
                    bits -= 5;
                }
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(code.toString().getBytes(StandardCharsets.UTF_8));
            hashes.append(f[0]).append(',').append(HexFormat.of().formatHex(md.digest())).append('\n');
            codes.append("bench-").append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append(',')
                    .append(f[4]).append(',').append(code).append('\n');
        }
        Files.writeString(codesOut, codes);
        Files.writeString(hashesOut, hashes);
    }

    static void load(int port, Path codesFile, int clients, int seconds, int first, int maxCount, String mode)
            throws Exception {
        List<String[]> codes = Files.readAllLines(codesFile).stream().map(l -> l.split(",", -1)).toList();
        String base = "http://127.0.0.1:" + port;
        AtomicInteger next = new AtomicInteger(first);
        int last = Math.min(codes.size(), first + maxCount);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[clients][];
        int[] acknowledged = new int[clients];
        int[] failed = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int me = c;
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try {
                    Client client = null;
                    while (System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= last) {
                            break;
                        }
                        String[] row = codes.get(i);
                        if (client == null || mode.equals("owner") || !client.link.equals(row[0])) {
                            client = new Client(base, row[0], mode.equals("ballot") ? "/s/v/" : "/s/");
                        }
                        long t0 = System.nanoTime();
                        boolean ok = client.submit(row[1], row[2], row[3], row[4]);
                        long t1 = System.nanoTime();
                        if (ok) {
                            acknowledged(i);
                            acknowledged[me]++;
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = t1 - t0;
                        } else {
                            failed[me]++;
                        }
                    }
                } catch (Exception e) {
                    failed[me]++;
                    System.err.println(e);
                } finally {
                    latencies[me] = Arrays.copyOf(lat, n);
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int ok = Arrays.stream(acknowledged).sum();
        int bad = Arrays.stream(failed).sum();
        System.out.printf("mode=%s clients=%d acknowledged=%d failed=%d seconds=%.1f rate=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f next_code=%d%n",
                mode, clients, ok, bad, elapsed, ok / elapsed, pct(all, 50), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, next.get());
    }

    /** With ACK_LOG set, the index in codes.csv of every acknowledged response (scripts/faults check them). */
    static final String ACK_LOG = System.getenv("ACK_LOG");

    static synchronized void acknowledged(int codeIndex) throws IOException {
        if (ACK_LOG != null) {
            Files.writeString(Path.of(ACK_LOG), codeIndex + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** One phone: a cookie jar (the session holding the CSRF token) on one estate link. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        final String base;
        final String link;
        final String path;
        String csrf;

        Client(String base, String link, String prefix) throws IOException, InterruptedException {
            this.base = base;
            this.link = link;
            this.path = prefix + link;
            String page = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no form on " + path);
            }
            csrf = m.group(1);
        }

        boolean submit(String building, String unit, String room, String code) throws IOException, InterruptedException {
            String body = path.startsWith("/s/v/") ? "code=" + enc(code) + "&b1=FOR&_csrf=" + enc(csrf)
                    : "via=link&building=" + enc(building) + "&unit=" + enc(unit) + "&room=" + enc(room)
                    + "&code=" + enc(code) + "&q.contract=S&q.sanitation=B&q.facilities=S&q.order=U&q.greening=S"
                    + "&_csrf=" + enc(csrf);
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 && res.body().contains("id=\"thanks\"");
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
