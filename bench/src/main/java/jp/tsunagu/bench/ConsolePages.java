package jp.tsunagu.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the staff console takes to render its pages for one signed-in person, the way she uses it: one request at a
 * time. Signs in without a browser (the code flow by hand: the console sends her to her city's login page, the form is
 * posted with her demo password, the redirects lead back with the session cookie), then asks for each page in turn,
 * round after round, so the pages share the machine's noise; beside them, in the same rounds, the console's health
 * check and a static asset: what an answer costs with no page behind it (the ceiling).
 */
final class ConsolePages {

    private static final Pattern LOGIN_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
    private static final Pattern CASE_LINK = Pattern.compile("href=\"(/\\d{6}/cases/[^\"/?]+)\"");
    /** What a page says in place of a section whose service did not answer: not a rendered page. */
    private static final String SECTION_MISSING = "に接続できないため表示できません";

    private final URI console;
    private final String municipality;
    private final HttpClient http;

    ConsolePages(URI console, String municipality) {
        this.console = console;
        this.municipality = municipality;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new LoopbackCookies())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The password of {@code user} in the realm of {@code municipality}, from the local run's demo-users.txt. */
    static String passwordOf(Path demoUsers, String municipality, String user) throws IOException {
        boolean inRealm = false;
        for (String line : Files.readAllLines(demoUsers)) {
            if (line.startsWith("# " + municipality + " ")) {
                inRealm = true;
            } else if (line.startsWith("# ") && line.matches("# \\d{6} .*")) {
                inRealm = false;
            } else if (inRealm && !line.isBlank() && !line.startsWith("#")) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals(user)) {
                    return f[1];
                }
            }
        }
        throw new IllegalArgumentException("no " + user + " of " + municipality + " in " + demoUsers);
    }

    /** The code flow, as a browser would follow it. */
    void signIn(String user, String password) throws Exception {
        HttpResponse<String> login = get(page("/"));
        Matcher form = LOGIN_ACTION.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException("no login form at " + login.uri() + " (" + login.statusCode() + ")");
        }
        URI action = login.uri().resolve(form.group(1).replace("&amp;", "&"));
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(action).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || !home.uri().getPath().startsWith("/" + municipality)
                || home.uri().getPort() != console.getPort()) {
            throw new IllegalStateException("sign-in did not lead back to the console: " + home.statusCode() + " at "
                    + home.uri());
        }
    }

    /** A case the signed-in person may open: the first linked from her inbox, her referrals or her caseload. */
    String aCase() throws Exception {
        for (String list : List.of("/inbox?state=all", "/inbox", "/referrals", "/caseload")) {
            Matcher link = CASE_LINK.matcher(get(page(list)).body());
            if (link.find()) {
                return link.group(1).substring(("/" + municipality).length());
            }
        }
        throw new IllegalStateException("no case linked from the inbox, referrals or caseload: ./tsunagu seed-history?");
    }

    /** A page's figures, and how many cases it listed (so a page measured empty shows as such). */
    record Page(HttpLoad.Result result, long cases) {

        String line() {
            return String.format("%-34s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d ok, %d errors, %s)",
                    result.name(), result.percentileMs(50), result.percentileMs(95), result.percentileMs(100),
                    result.ok(), result.errors(), cases < 0 ? "no page" : cases + " cases linked");
        }
    }

    /** Each path {@code warmup} times, then {@code rounds} times, one request at a time, in rounds. */
    Map<String, Page> measure(Map<String, URI> pages, int warmup, int rounds) throws Exception {
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        Map<String, long[]> errors = new HashMap<>();
        Map<String, Long> cases = new HashMap<>();
        pages.keySet().forEach(name -> {
            latencies.put(name, new ArrayList<>());
            errors.put(name, new long[1]);
        });
        long start = System.nanoTime();
        for (int round = 0; round < warmup + rounds; round++) {
            for (Map.Entry<String, URI> p : pages.entrySet()) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(p.getValue());
                long took = System.nanoTime() - t0;
                // a page that sent her to sign in again, or failed, is not a rendered page
                boolean rendered = r.statusCode() == 200 && r.uri().equals(p.getValue())
                        && !r.body().contains(SECTION_MISSING);
                if (round == 0) {
                    boolean html = r.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
                    cases.put(p.getKey(), html ? CASE_LINK.matcher(r.body()).results().map(m -> m.group(1))
                            .distinct().count() : -1L);
                }
                if (round < warmup) {
                    continue;
                }
                if (rendered) {
                    latencies.get(p.getKey()).add(took);
                } else {
                    errors.get(p.getKey())[0]++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Page> results = new LinkedHashMap<>();
        latencies.forEach((name, l) -> results.put(name, new Page(new HttpLoad.Result(name, l.size(),
                errors.get(name)[0], seconds, l.stream().mapToLong(Long::longValue).toArray()), cases.get(name))));
        return results;
    }

    URI page(String path) {
        return console.resolve("/" + municipality + path);
    }

    URI raw(String path) {
        return console.resolve(path);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The local run is plain HTTP on loopback, where a browser still keeps cookies marked Secure (loopback counts as
     * a secure context); java.net's cookie store would drop them, so the mark is taken off before they are stored.
     */
    private static final class LoopbackCookies extends CookieManager {

        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> kept = new HashMap<>();
            headers.forEach((k, v) -> kept.put(k, k != null && k.equalsIgnoreCase("Set-Cookie")
                    ? v.stream().map(c -> c.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : v));
            super.put(uri, kept);
        }
    }
}
