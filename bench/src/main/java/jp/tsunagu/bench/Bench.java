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
            default -> {
                System.err.println("usage: Bench saturate|e2e|generate|bare-consumer|decode-consumer|drained --option value ...");
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
