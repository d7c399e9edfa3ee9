package jp.tsunagu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How long the staff console takes to render its pages for the people signed in, the way each uses it: one request at
 * a time. Each page is asked for in turn, round after round, so the pages share the machine's noise; beside them, in
 * the same rounds, the console's health check and a static asset: what an answer costs with no page behind it (the
 * ceiling).
 */
final class ConsolePages {

    private static final Pattern MEETING_LINK = Pattern.compile("href=\"(/\\d{6}/meetings/[0-9a-zA-Z-]{8,})\"");
    private static final Pattern PLAN_LINK = Pattern.compile("href=\"(/\\d{6}/plans/p-[^\"/?]+)\"");
    /** What a page says in place of a section whose service did not answer: not a rendered page. */
    private static final String SECTION_MISSING = "に接続できないため表示できません";

    private ConsolePages() {
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

    /**
     * One page as one person asks for it: a GET, or a form posted ({@code form} not null) as 本人検索 is.
     *
     * @param who whose session it is, as the output's heading says it (empty for the ceilings)
     */
    record Probe(String who, String name, ConsoleSession session, URI uri, Map<String, String> form) {

        static Probe get(String who, String name, ConsoleSession session, URI uri) {
            return new Probe(who, name, session, uri, null);
        }

        HttpResponse<String> ask() throws Exception {
            return form == null ? session.get(uri) : session.post(uri, form);
        }
    }

    /** A page's figures, what it linked to (so a page measured empty shows as such) and its first failure. */
    record Page(Probe probe, HttpLoad.Result result, String linked, String firstError) {

        String line(int width) {
            return String.format("%-" + width + "s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d ok, %d errors%s, %s)",
                    result.name(), result.percentileMs(50), result.percentileMs(95), result.percentileMs(100),
                    result.ok(), result.errors(), firstError == null ? "" : ": first " + firstError, linked);
        }
    }

    /** Each probe {@code warmup} times, then {@code rounds} times, one request at a time, in rounds. */
    static List<Page> measure(List<Probe> probes, int warmup, int rounds) throws Exception {
        int n = probes.size();
        List<List<Long>> latencies = new ArrayList<>();
        long[] errors = new long[n];
        String[] firstError = new String[n];
        String[] linked = new String[n];
        probes.forEach(p -> latencies.add(new ArrayList<>()));
        long start = System.nanoTime();
        for (int round = 0; round < warmup + rounds; round++) {
            for (int i = 0; i < n; i++) {
                Probe p = probes.get(i);
                long t0 = System.nanoTime();
                HttpResponse<String> r = p.ask();
                long took = System.nanoTime() - t0;
                // a page that sent her to sign in again, or failed, is not a rendered page
                boolean rendered = r.statusCode() == 200 && r.uri().equals(p.uri())
                        && !r.body().contains(SECTION_MISSING);
                if (round == 0) {
                    boolean html = r.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
                    linked[i] = html ? linked(r.body()) : "no page";
                }
                if (!rendered && firstError[i] == null) {
                    firstError[i] = r.statusCode() + (r.uri().equals(p.uri()) ? "" : " at " + r.uri().getPath())
                            + (r.body().contains(SECTION_MISSING) ? " (a service did not answer)" : "");
                }
                if (round < warmup) {
                    continue;
                }
                if (rendered) {
                    latencies.get(i).add(took);
                } else {
                    errors[i]++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Page> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new Page(probes.get(i), new HttpLoad.Result(probes.get(i).name(), latencies.get(i).size(),
                    errors[i], seconds, latencies.get(i).stream().mapToLong(Long::longValue).toArray()), linked[i],
                    firstError[i]));
        }
        return results;
    }

    /** The pages' lines under a heading for each person, the names in one column. */
    static List<String> lines(List<Page> pages) {
        int width = pages.stream().mapToInt(p -> p.result().name().length()).max().orElse(34);
        List<String> out = new ArrayList<>();
        String who = "";
        for (Page p : pages) {
            if (!p.probe().who().equals(who)) {
                who = p.probe().who();
                out.add(who + ":");
            }
            out.add(p.line(width));
        }
        return out;
    }

    /** "25 cases linked", with the meetings and plans a page links to when it links to any. */
    private static String linked(String body) {
        String text = count(ConsoleSession.CASE_LINK, body) + " cases";
        long meetings = count(MEETING_LINK, body);
        long plans = count(PLAN_LINK, body);
        return text + (meetings > 0 ? ", " + meetings + " meetings" : "") + (plans > 0 ? ", " + plans + " plans" : "")
                + " linked";
    }

    private static long count(Pattern link, String body) {
        return link.matcher(body).results().map(m -> m.group(1)).distinct().count();
    }
}
