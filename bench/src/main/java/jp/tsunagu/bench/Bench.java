package jp.tsunagu.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark drivers bench/run calls, one measurement per call, each printing its result line.
 *
 * <pre>
 *   saturate --url URL --token T [--clients 32] [--seconds 30] [--name NAME]   POST back to back at saturation
 *   e2e --intake URL --bootstrap B --token T [--rate 100] [--seconds 60]       POST → routing decision published
 *   generate --bootstrap B --events N                                          a synthetic event log
 *   bare-consumer --bootstrap B                                                read the stage topics, no work
 *   decode-consumer --bootstrap B                                              read and decode every event
 *   drained --bootstrap B [--groups G1,G2] [--timeout 900]                     wait until every group's lag is 0
 *   written --bootstrap B --topic T                                            records ever written to a topic
 *   console --url URL --users FILE [--municipality 402036] [--user U] [--rounds 200] [--warmup 30]
 *                                                                              the console's pages, one at a time
 * </pre>
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "saturate" -> System.out.println(new HttpLoad(o.get("token")).saturate(o.getOrDefault("name", "POST"),
                    URI.create(o.get("url")), Integer.parseInt(o.getOrDefault("clients", "32")),
                    Integer.parseInt(o.getOrDefault("seconds", "30"))).line());
            case "e2e" -> System.out.println(new HttpLoad(o.get("token")).endToEnd(URI.create(o.get("intake")),
                    o.get("bootstrap"), Integer.parseInt(o.getOrDefault("rate", "100")),
                    Integer.parseInt(o.getOrDefault("seconds", "60"))).line());
            case "generate" -> {
                long start = System.nanoTime();
                long n = EventLog.generate(o.get("bootstrap"), Long.parseLong(o.get("events")));
                System.out.printf("generated %d events in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
            }
            case "bare-consumer", "decode-consumer" -> {
                HttpLoad.Result r = args[0].equals("bare-consumer") ? EventLog.bareConsumer(o.get("bootstrap"))
                        : EventLog.decodeConsumer(o.get("bootstrap"));
                System.out.printf("%-38s %8.0f events/s (%d events, %.1f s)%n", r.name(), r.perSecond(), r.ok(),
                        r.seconds());
            }
            case "written" -> System.out.println(Lag.written(o.get("bootstrap"), o.get("topic")));
            case "drained" -> System.out.printf("drained: every consumer group's lag 0 after %.1f s%n",
                    Lag.awaitDrained(o.get("bootstrap"), o.containsKey("groups")
                                    ? java.util.Set.of(o.get("groups").split(",")) : java.util.Set.of(),
                            Integer.parseInt(o.getOrDefault("timeout", "900"))));
            case "console" -> console(o);
            default -> {
                System.err.println("usage: Bench saturate|e2e|generate|bare-consumer|decode-consumer|drained|written|console --option value ...");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** Signs in as a demo agency worker, then times each page against the health check and a static asset. */
    private static void console(Map<String, String> o) throws Exception {
        String municipality = o.getOrDefault("municipality", "402036");
        String user = o.getOrDefault("user", "staff-kurume-houkatsu-01");
        ConsolePages console = new ConsolePages(URI.create(o.get("url")), municipality);
        console.signIn(user, ConsolePages.passwordOf(java.nio.file.Path.of(o.get("users")), municipality, user));
        String aCase = console.aCase();
        Map<String, URI> pages = new java.util.LinkedHashMap<>();
        // the names are ASCII so the columns line up; the screens: ホーム, 受信箱 (回答待ち, すべて), 自機関の紹介一覧,
        // 担当ケース, 案件
        String m = "/" + municipality;
        pages.put("GET /q/health/ready (ceiling)", console.raw("/q/health/ready"));
        pages.put("GET /assets/console.css (ceiling)", console.raw("/assets/console.css"));
        pages.put("GET " + m + "/", console.page("/"));
        pages.put("GET " + m + "/inbox", console.page("/inbox"));
        pages.put("GET " + m + "/inbox?state=all", console.page("/inbox?state=all"));
        pages.put("GET " + m + "/referrals", console.page("/referrals"));
        pages.put("GET " + m + "/caseload", console.page("/caseload"));
        pages.put("GET " + m + "/cases/{id}", console.page(aCase));
        console.measure(pages, Integer.parseInt(o.getOrDefault("warmup", "30")),
                        Integer.parseInt(o.getOrDefault("rounds", "200")))
                .values().forEach(p -> System.out.println(p.line()));
    }
}
