package vn.childguard.screening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load client for the streaming API, run as a second process against a running application (not
 * part of the build; see docs/benchmarks.md): sends one record per {@code POST /api/v1/screening/records}
 * at a steady rate (open loop: requests leave on schedule whether or not earlier ones have answered, so
 * a slow server shows in the latencies instead of lowering the load), measured from the schedule.
 * Arguments: {@code baseUrl [requestsPerSecond=50] [seconds=60] [warmupSeconds=15] [user=exit.officer] [password]}.
 */
public final class ScreeningLoadClient {

    /** The report is read by people on the console. */
    private static final java.io.PrintStream REPORT = System.out;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        String user = args.length > 4 ? args[4] : "exit.officer";
        String password = args.length > 5 ? args[5] : "Demo-Password-2026";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            // e.g. the demo accounts are created just after the server starts listening
            throw new IllegalStateException("sign-in as " + user + " failed with HTTP " + login.statusCode());
        }
        String token = login.body().replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String run = Long.toString(System.currentTimeMillis(), 36);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> alertLatencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> plainLatencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger alerts = new AtomicInteger();
        int total = rate * (seconds + warmup);
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            final int n = i;
            long due = start + n * interval;
            clock.schedule(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/screening/records"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(record(run, n))).build();
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                    long micros = (System.nanoTime() - due) / 1000;
                    if (e != null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else if (n >= rate * warmup) {
                        latencies.add(micros);
                        if (r.body().contains("\"reference\"")) {
                            alerts.incrementAndGet();
                            alertLatencies.add(micros);
                        } else {
                            plainLatencies.add(micros);
                        }
                    }
                }));
            }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + warmup + 60, TimeUnit.SECONDS);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        REPORT.printf("%d requests/s for %d s after %d s warm-up: %d measured, %d errors, %d with an alert%n", rate, seconds, warmup,
                sorted.size(), errors.get(), alerts.get());
        REPORT.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), pct(sorted, 99.9), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
        report("calls with an alert", alertLatencies);
        report("calls without an alert", plainLatencies);
        System.exit(0);
    }

    /** The latencies of one kind of call (with or without an alert), so the tail of each shows. */
    private static void report(String kind, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        REPORT.printf("  %s (%d): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", kind, sorted.size(), pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1000.0;
    }

    /** An ordinary traveller, every 25th a 15-year-old to Moscow on a tourist visa (which alerts). */
    private static String record(String run, int n) {
        boolean minor = n % 25 == 0;
        return "{\"record_id\":\"LOAD-" + run + "-" + n + "\",\"full_name\":\"" + (minor ? "Trần Thị Hoa" : "Lê Văn Bình") + "\","
                + "\"birth_date\":\"" + (minor ? "2011-03-04" : 1960 + n % 40 + "-01-0" + (1 + n % 9)) + "\",\"sex\":\""
                + (minor ? "F" : "M") + "\",\"document_number\":\"L" + run.toUpperCase() + n + "\",\"nationality\":\"VN\","
                + "\"travel_date\":\"2026-11-28\",\"direction\":\"EXIT\",\"border_gate\":\"MOC_BAI\",\"destination_country\":\""
                + (minor ? "RU" : "KH") + "\",\"booking_ref\":\"LB" + run + n + "\",\"travel_purpose\":\"TOURISM\",\"visa_type\":\""
                + (minor ? "TOURIST" : "") + "\"}";
    }
}
