package jp.tsunagu.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark drivers bench/run calls, one measurement per call, each printing its result line.
 *
 * <pre>
 *   saturate --url URL --token T [--clients 32] [--seconds 30] [--name NAME] [--warmup S] [--cpu-pid PID]
 *                          POST back to back at saturation (after S s, seconds/3); PID's CPU per measured request
 *   e2e --intake URL --bootstrap B --token T [--rate 100] [--seconds 60] [--warmup S]
 *                                             POST → routing decision at a fixed rate (after S s of it, seconds/2)
 *   generate --bootstrap B --events N                                          a synthetic event log
 *   bare-consumer --bootstrap B                                                read the stage topics, no work
 *   decode-consumer --bootstrap B                                              read and decode every event
 *   drained --bootstrap B [--groups G1,G2] [--timeout 900]                     wait until every group's lag is 0
 *   written --bootstrap B --topic T                                            records ever written to a topic
 *   coordination --intake URL --meeting URL --planning URL --bootstrap B --agency-token T --coordinator-token T
 *                [--others 4]                                  a duplicate, a meeting with minutes, a plan: their ids
 *   console --url URL --users FILE [--municipality 402036] [--user U] [--coordinator U] [--analyst U]
 *           [--case ID --duplicate ID --meeting ID --plan ID] [--rounds 200] [--warmup 30]
 *                                                              the console's pages, one at a time, per person
 *   pg-stats --url JDBC (--reset | --per N [--top 15] [--unit "1,000 events"] [--by-text])   pg_stat_statements:
 *                                                              reset, or the top per unit (a referral unless said),
 *                                                              one text's entries added up with --by-text
 *   ratios --results FILE --date D --commit C --command CMD [--cpu X] [--post X] [--e2e-half X] [--e2e-10 X]
 *          [--replay X] [--rss-http X] [--rss-replay X]        add the run's ratios to the table, say what got worse
 *          [--side-run true]                                  compare only: a run with the system's settings changed
 * </pre>
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "saturate" -> {
                int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
                ProcessHandle measured = !o.containsKey("cpu-pid") ? null
                        : ProcessHandle.of(Long.parseLong(o.get("cpu-pid"))).orElseThrow(
                                () -> new IllegalArgumentException("no process " + o.get("cpu-pid")));
                HttpLoad.Saturation saturation = new HttpLoad(o.get("token")).saturate(o.getOrDefault("name", "POST"),
                        URI.create(o.get("url")), Integer.parseInt(o.getOrDefault("clients", "32")),
                        Integer.parseInt(o.getOrDefault("warmup", "" + Math.max(3, seconds / 3))), seconds, measured);
                System.out.println(saturation.result().line());
                if (measured != null) {
                    System.out.println(saturation.cpuLine(measured.pid()));
                }
            }
            case "e2e" -> {
                int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
                HttpLoad.EndToEnd e2e = new HttpLoad(o.get("token")).endToEnd(URI.create(o.get("intake")),
                        o.get("bootstrap"), Integer.parseInt(o.getOrDefault("rate", "100")),
                        Integer.parseInt(o.getOrDefault("warmup", "" + Math.max(5, seconds / 2))), seconds);
                System.out.println(e2e.result().line());
                System.out.println(e2e.legs());
            }
            case "generate" -> {
                long start = System.nanoTime();
                long n = EventLog.generate(o.get("bootstrap"), Long.parseLong(o.get("events")));
                System.out.printf("generated %d events in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
            }
            case "bare-consumer", "decode-consumer" -> {
                System.out.println((args[0].equals("bare-consumer") ? EventLog.bareConsumer(o.get("bootstrap"))
                        : EventLog.decodeConsumer(o.get("bootstrap"))).line());
            }
            case "written" -> System.out.println(Lag.written(o.get("bootstrap"), o.get("topic")));
            case "drained" -> System.out.printf("drained: every consumer group's lag 0 after %.1f s%n",
                    Lag.awaitDrained(o.get("bootstrap"), o.containsKey("groups")
                                    ? java.util.Set.of(o.get("groups").split(",")) : java.util.Set.of(),
                            Integer.parseInt(o.getOrDefault("timeout", "900"))));
            case "console" -> console(o);
            case "coordination" -> System.out.println(new CoordinationData(o.get("bootstrap")).make(
                    new CoordinationData.Services(URI.create(o.get("intake")), URI.create(o.get("meeting")),
                            URI.create(o.get("planning"))), o.get("agency-token"), o.get("coordinator-token"),
                    Integer.parseInt(o.getOrDefault("others", "4"))).line());
            case "pg-stats" -> {
                StatementStats stats = new StatementStats(o.get("url"));
                if (List.of(args).contains("--reset")) {
                    stats.reset();
                } else {
                    stats.top(Integer.parseInt(o.getOrDefault("top", "15")), Long.parseLong(o.get("per")),
                                    o.getOrDefault("unit", "referral"), List.of(args).contains("--by-text"))
                            .forEach(System.out::println);
                }
            }
            case "ratios" -> Ratios.record(java.nio.file.Path.of(o.get("results")),
                    List.of(o.get("date"), o.get("commit"), o.get("command")), o, o.containsKey("side-run"))
                    .forEach(System.out::println);
            default -> {
                System.err.println("usage: Bench saturate|e2e|generate|bare-consumer|decode-consumer|drained|written|coordination|console|pg-stats|ratios --option value ...");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /**
     * Signs in a demo agency worker, coordinator and analyst (the last two with TOTP), then times each one's pages
     * against the health check and a static asset. The coordinator's pages of one case, meeting and plan are those of
     * {@code --case}, {@code --duplicate}, {@code --meeting}, {@code --plan} (from {@code coordination}); without
     * them, those pages are left out.
     */
    private static void console(Map<String, String> o) throws Exception {
        String municipality = o.getOrDefault("municipality", "402036");
        URI url = URI.create(o.get("url"));
        java.nio.file.Path users = java.nio.file.Path.of(o.get("users"));
        String user = o.getOrDefault("user", "staff-kurume-houkatsu-01");
        String coordinatorUser = o.getOrDefault("coordinator", "coordinator");
        String analystUser = o.getOrDefault("analyst", "analyst");
        ConsoleSession worker = new ConsoleSession(url, municipality);
        worker.signIn(user, ConsolePages.passwordOf(users, municipality, user));
        ConsoleSession coordinator = signIn(url, municipality, users, coordinatorUser);
        ConsoleSession analyst = signIn(url, municipality, users, analystUser);
        String aCase = worker.aCase();
        List<ConsolePages.Probe> pages = new ArrayList<>();
        // the names are ASCII so the columns line up
        String m = "/" + municipality;
        pages.add(ConsolePages.Probe.get("", "GET /q/health/ready (ceiling)", worker, worker.raw("/q/health/ready")));
        pages.add(ConsolePages.Probe.get("", "GET /assets/console.css (ceiling)", worker,
                worker.raw("/assets/console.css")));
        // ホーム, 受信箱 (回答待ち, すべて), 自機関の紹介一覧, 担当ケース, 案件
        String who = "agency worker " + user + " (password)";
        for (String path : List.of("/", "/inbox", "/inbox?state=all", "/referrals", "/caseload")) {
            pages.add(ConsolePages.Probe.get(who, "GET " + m + path, worker, worker.page(path)));
        }
        pages.add(ConsolePages.Probe.get(who, "GET " + m + "/cases/{id}", worker, worker.page(aCase)));

        if (coordinator != null) {
            coordinatorPages(pages, coordinator, "coordinator " + coordinatorUser + " (password and TOTP)", m, o);
        }
        // ホーム, 集計 (年度別の実績, 相談・つなぎの状況, 再集計)
        if (analyst != null) {
            who = "analyst " + analystUser + " (password and TOTP)";
            for (String path : List.of("/", "/reports", "/reports/figures", "/reports/replays")) {
                pages.add(ConsolePages.Probe.get(who, "GET " + m + path, analyst, analyst.page(path)));
            }
        }
        ConsolePages.lines(ConsolePages.measure(pages, Integer.parseInt(o.getOrDefault("warmup", "30")),
                Integer.parseInt(o.getOrDefault("rounds", "200")))).forEach(System.out::println);
    }

    /** A person signed in, or null (said on the output) when she could not be: the others are still measured. */
    private static ConsoleSession signIn(URI url, String municipality, java.nio.file.Path users, String user) {
        try {
            ConsoleSession session = new ConsoleSession(url, municipality);
            session.signIn(user, ConsolePages.passwordOf(users, municipality, user));
            return session;
        } catch (Exception e) {
            System.out.println(user + ": not measured, the sign-in failed: " + e.getMessage());
            return null;
        }
    }

    private static void coordinatorPages(List<ConsolePages.Probe> pages, ConsoleSession coordinator, String who,
                                         String m, Map<String, String> o) throws Exception {
        // ホーム, 案件一覧 (with names: audited), 本人検索 (hiragana, the 長音 as ー), the case, 重複の確認, ケースの経過,
        // 案件のプラン, 会議 (calendar, 臨時の会議, one meeting, 議事録の訂正, 版と訂正履歴, 印刷用), プラン, 監査記録
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        paths.put("/", "/");
        paths.put("/cases", "/cases");
        paths.put("/cases?names=on", "/cases?names=on");
        String c = o.get("case");
        if (c != null) {
            paths.put("/cases/{id}", "/cases/" + c);
        }
        if (o.get("duplicate") != null) {
            paths.put("/cases/{id}/duplicate", "/cases/" + o.get("duplicate") + "/duplicate");
        }
        if (c != null) {
            paths.put("/cases/{id}/history", "/cases/" + c + "/history");
            paths.put("/cases/{id}/plans", "/cases/" + c + "/plans");
        }
        paths.put("/meetings", "/meetings");
        paths.put("/meetings/new", "/meetings/new");
        String meeting = o.get("meeting");
        if (meeting != null) {
            for (String sub : List.of("", "/minutes/amend", "/minutes/versions", "/print")) {
                paths.put("/meetings/{id}" + sub, "/meetings/" + meeting + sub);
            }
        }
        paths.put("/plans", "/plans");
        if (o.get("plan") != null) {
            paths.put("/plans/{id}", "/plans/" + o.get("plan"));
        }
        paths.put("/reports/audit", "/reports/audit");
        for (Map.Entry<String, String> p : paths.entrySet()) {
            pages.add(ConsolePages.Probe.get(who, "GET " + m + p.getKey(), coordinator, coordinator.page(p.getValue())));
            if (p.getKey().equals("/cases?names=on")) {
                pages.add(new ConsolePages.Probe(who, "POST " + m + "/search", coordinator, coordinator.page("/search"),
                        Map.of("csrf", coordinator.csrf("/search"), "nameKana", "つつみ じろー", "birthDate", "")));
            }
        }
    }
}
