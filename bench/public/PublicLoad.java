import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded load generator for the public ranking page (issue 6), on loopback, plain threads (Java 17).
 *
 *   java PublicLoad.java <port> <urls.tsv> <clients> <seconds> <max-count> [first]
 *
 * urls.tsv holds one request per line: a kind (city, district, search, company) and a path. Each client thread has
 * one request in flight on a keep-alive HTTP/1.1 connection (like a browser) and requests the next path of the
 * shared list, from line {@code first} on, as soon as the previous answer has been read in full (no think time).
 * A request counts as served when the status is 200 and the page holds the ranking table or the "no result" line.
 * Prints one line of key=value results (with the share of pages the server answered from its page cache, header
 * X-Cache, and the next unused line), then one line per kind.
 */
public class PublicLoad {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<String[]> urls = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .map(l -> l.split("\t", 2)).toList();
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int maxCount = Integer.parseInt(args[4]);
        int first = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        String base = "http://127.0.0.1:" + port;

        AtomicInteger next = new AtomicInteger(first);
        AtomicInteger kept = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<List<long[]>> perClient = new ArrayList<>(); // {kind index, nanos}
        int[] failed = new int[clients];
        List<String> kinds = urls.stream().map(u -> u[0]).distinct().sorted().toList();
        CountDownLatch done = new CountDownLatch(clients);
        // one client, so one selector thread: its pool holds one keep-alive connection per request in flight, as
        // many as there are client threads (one HttpClient per thread cost the 2-core machine 20 % more CPU)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<long[]> mine = new ArrayList<>(1 << 14);
            perClient.add(mine);
            int me = c;
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= first + maxCount) {
                            break;
                        }
                        String[] u = urls.get(i % urls.size());
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + ascii(u[1])))
                                .timeout(Duration.ofSeconds(30)).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        long t1 = System.nanoTime();
                        String body = res.body();
                        if (res.statusCode() == 200 && (body.contains("id=\"entries\"") || body.contains("id=\"no-results\""))) {
                            mine.add(new long[] {kinds.indexOf(u[0]), t1 - t0});
                            if (res.headers().firstValue("X-Cache").orElse("").equals("HIT")) {
                                kept.incrementAndGet();
                            }
                        } else {
                            failed[me]++;
                            if (failed[me] <= 3) {
                                System.err.println("failed " + res.statusCode() + " " + u[1]);
                            }
                        }
                    }
                } catch (Exception e) {
                    failed[me]++;
                    System.err.println(e);
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMap(List::stream).mapToLong(x -> x[1]).sorted().toArray();
        int bad = Arrays.stream(failed).sum();
        System.out.printf("clients=%d served=%d failed=%d seconds=%.1f rate=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                        + " page_cache_hits=%.0f%% next=%d%n",
                clients, all.length, bad, elapsed, all.length / elapsed, pct(all, 50), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length == 0 ? 0 : 100.0 * kept.get() / all.length,
                Math.min(next.get(), first + maxCount));
        Map<String, long[]> byKind = new TreeMap<>();
        for (int k = 0; k < kinds.size(); k++) {
            int kind = k;
            byKind.put(kinds.get(k), perClient.stream().flatMap(List::stream).filter(x -> x[0] == kind)
                    .mapToLong(x -> x[1]).sorted().toArray());
        }
        byKind.forEach((kind, xs) -> System.out.printf("  kind=%s n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", kind,
                xs.length, pct(xs, 50), pct(xs, 99), xs.length == 0 ? 0 : xs[xs.length - 1] / 1e6));
    }

    /** Percent-encodes what is not plain ASCII in a path (names in the search parameter), as a browser does. */
    static String ascii(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
