package vn.childguard;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load client for the pages, run as a second process against a running application (not part of
 * the build; scripts/load-test.sh and docs/benchmarks.md): {@code users} people, each signed in with
 * a session of their own, go through a journey of their role again and again with a think time
 * between pages (closed loop). Leaders open the home page and the leadership dashboard; case workers
 * the home page, the action-needed inbox, the case list, a case and a people search; hotline operators the intake list, the
 * intake form and post a new intake. Every 25 pages a user signs out and in again. Latencies are per
 * page from the request to the last byte; a status of 400 or more, a failed request (60 s time-out) or
 * a page that sends back to the sign-in form counts as an error.
 * Arguments: {@code baseUrl [users=200] [seconds=600] [rampSeconds=60] [thinkMinMs=1000] [thinkMaxMs=5000] [password]}.
 */
public final class PagesLoadClient {

    /** The report is read by people on the console. */
    private static final java.io.PrintStream REPORT = System.out;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CASE_LINK = Pattern.compile("href=\"/cases/(\\d+)\"");
    private static final String[] ROLES = {"health.caseworker", "leader", "hotline.operator", "health.caseworker"};

    private final String base;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstError = new ConcurrentHashMap<>();
    private volatile boolean measuring;
    private volatile boolean running = true;

    private PagesLoadClient(String base, String password) {
        this.base = base;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int ramp = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int thinkMin = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int thinkMax = args.length > 5 ? Integer.parseInt(args[5]) : 5000;
        String password = args.length > 6 ? args[6] : "Demo-Password-2026";
        PagesLoadClient client = new PagesLoadClient(base, password);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> client.user(n, ramp * 1000L * n / users, thinkMin, thinkMax)));
        }
        Thread.sleep(ramp * 1000L);
        client.measuring = true;
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        client.measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        client.running = false;
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
        }
        client.report(users, elapsed, thinkMin, thinkMax);
    }

    private void user(int n, long delayMs, int thinkMin, int thinkMax) {
        String role = ROLES[n % ROLES.length];
        sleep(delayMs);
        String[] cookie = {null};
        int pages = 0;
        while (running) {
            try {
                if (cookie[0] == null) {
                    cookie[0] = login(role);
                    if (cookie[0] == null) {
                        sleep(thinkMax);
                        continue;
                    }
                }
                switch (role) {
                    case "leader" -> {
                        page("home", cookie[0]);
                        think(thinkMin, thinkMax);
                        page("leadership dashboard", cookie[0], "/reporting/leadership");
                    }
                    case "hotline.operator" -> {
                        page("intake list", cookie[0], "/intakes");
                        think(thinkMin, thinkMax);
                        String form = page("intake form", cookie[0], "/intakes/new");
                        think(thinkMin, thinkMax);
                        if (form != null) {
                            postIntake(cookie[0], form);
                        }
                    }
                    default -> {
                        page("home", cookie[0]);
                        think(thinkMin, thinkMax);
                        page("action needed", cookie[0], "/cases/action-needed");
                        think(thinkMin, thinkMax);
                        String list = page("case list", cookie[0], "/cases");
                        think(thinkMin, thinkMax);
                        Matcher m = list == null ? null : CASE_LINK.matcher(list);
                        List<String> ids = new ArrayList<>();
                        while (m != null && m.find()) {
                            ids.add(m.group(1));
                        }
                        if (!ids.isEmpty()) {
                            page("case page", cookie[0], "/cases/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                            think(thinkMin, thinkMax);
                        }
                        page("people search", cookie[0], "/people/candidates?name="
                                + URLEncoder.encode("Nguyễn Văn An", StandardCharsets.UTF_8) + "&birthDate=2012");
                    }
                }
                pages += 3;
                think(thinkMin, thinkMax);
                if (pages >= 25) {
                    pages = 0;
                    cookie[0] = null; // sign in again: the login journey is part of the load
                }
            } catch (Exception e) {
                error("exception", e.getClass().getSimpleName() + ": " + e.getMessage());
                sleep(thinkMax);
            }
        }
    }

    private String login(String role) throws Exception {
        long t = System.nanoTime();
        var form = http.send(get("/login", null), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(form, null);
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || cookie == null || !csrf.find()) {
            error("login", "login form " + form.statusCode());
            return null;
        }
        var signedIn = http.send(post("/login", cookie, Map.of("username", role, "password", password, "_csrf",
                csrf.group(1))), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            error("login", "sign-in " + signedIn.statusCode() + " to " + location);
            return null;
        }
        record("login (form + post)", t);
        return sessionCookie(signedIn, cookie);
    }

    private String page(String name, String cookie) throws Exception {
        return page(name, cookie, "/");
    }

    /** The page's HTML, or null after an error. */
    private String page(String name, String cookie, String path) throws Exception {
        long t = System.nanoTime();
        var response = http.send(get(path, cookie), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            error(name, path + " " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
            return null;
        }
        record(name, t);
        return response.body();
    }

    private void postIntake(String cookie, String form) throws Exception {
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            error("intake post", "no CSRF token on the form");
            return;
        }
        String received = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMinutes(30));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf.group(1));
        fields.put("action", "save");
        fields.put("channel", "HOTLINE_111");
        fields.put("receivedAt", received);
        fields.put("reporterName", "Người gọi thử tải");
        fields.put("reporterContact", "0912 345 678");
        fields.put("unitCode", "25486");
        fields.put("place", "Ấp 3");
        fields.put("narrative", "Thử tải: trẻ không được đến trường " + System.nanoTime());
        fields.put("urgency", "NORMAL");
        fields.put("competentAgencyCode", "CA-PC02");
        fields.put("people[0].part", "CHILD");
        fields.put("people[0].name", "Trẻ Thử Tải " + ThreadLocalRandom.current().nextInt(1_000_000));
        fields.put("people[0].age", "12");
        fields.put("people[0].sex", "M");
        fields.put("people[0].choice", "new");
        fields.put("people[1].part", "ALLEGED_ABUSER");
        long t = System.nanoTime();
        var response = http.send(post("/intakes/new", cookie, fields), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.contains("/intakes/")) {
            error("intake post", response.statusCode() + " " + location + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
            return;
        }
        record("intake post", t);
    }

    private HttpRequest get(String path, String cookie) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private HttpRequest post(String path, String cookie, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static String sessionCookie(HttpResponse<?> response, String otherwise) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(otherwise);
    }

    private void record(String name, long startNanos) {
        if (measuring) {
            latencies.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add((System.nanoTime() - startNanos) / 1000);
        }
    }

    private void error(String name, String what) {
        if (measuring) {
            errors.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            firstError.putIfAbsent(name, what);
        }
    }

    private void think(int min, int max) {
        sleep(ThreadLocalRandom.current().nextInt(min, max + 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(int users, double seconds, int thinkMin, int thinkMax) {
        REPORT.printf("%d users, think time %d-%d ms, measured %.0f s after the ramp-up%n", users, thinkMin, thinkMax, seconds);
        REPORT.printf("%-24s %8s %8s %8s %8s %8s %8s%n", "page", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms");
        List<Long> all = new ArrayList<>();
        int allErrors = 0;
        var names = new TreeMap<String, Object>();
        latencies.keySet().forEach(k -> names.put(k, k));
        errors.keySet().forEach(k -> names.put(k, k));
        for (String name : names.keySet()) {
            List<Long> sorted = new ArrayList<>(latencies.getOrDefault(name, List.of()));
            Collections.sort(sorted);
            int e = errors.getOrDefault(name, new AtomicInteger()).get();
            allErrors += e;
            all.addAll(sorted);
            REPORT.printf("%-24s %8d %8d %8.1f %8.1f %8.1f %8.1f%n", name, sorted.size(), e, pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), pct(sorted, 100));
        }
        Collections.sort(all);
        REPORT.printf("%-24s %8d %8d %8.1f %8.1f %8.1f %8.1f%n", "all", all.size(), allErrors, pct(all, 50), pct(all, 95),
                pct(all, 99), pct(all, 100));
        REPORT.printf("throughput %.1f pages/s%n", all.size() / seconds);
        firstError.forEach((k, v) -> REPORT.printf("first error of %s: %s%n", k, v));
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }
}
