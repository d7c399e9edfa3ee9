package jp.tsunagu.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark drivers bench/run calls, one measurement per call, each printing its result line.
 *
 * <pre>
 *   saturate --url URL --token T [--clients 32] [--seconds 30] [--name NAME]   POST back to back at saturation
 *   e2e --intake URL --token T [--rate 100] [--seconds 30]                     POST → routing decision visible
 *   generate --bootstrap B --events N                                          a synthetic event log
 *   bare-consumer --bootstrap B                                                read the stage topics, no work
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
                    Integer.parseInt(o.getOrDefault("rate", "100")), Integer.parseInt(o.getOrDefault("seconds", "30")),
                    Integer.parseInt(o.getOrDefault("poll-ms", "5"))).line());
            case "generate" -> {
                long start = System.nanoTime();
                long n = EventLog.generate(o.get("bootstrap"), Long.parseLong(o.get("events")));
                System.out.printf("generated %d events in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
            }
            case "bare-consumer" -> {
                HttpLoad.Result r = EventLog.bareConsumer(o.get("bootstrap"));
                System.out.printf("%-34s %8.0f events/s (%d events, %.1f s)%n", r.name(), r.perSecond(), r.ok(),
                        r.seconds());
            }
            default -> {
                System.err.println("usage: Bench saturate|e2e|generate|bare-consumer --option value ...");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
