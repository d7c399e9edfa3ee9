package jp.tsunagu.infra;

import jp.tsunagu.infra.cli.DemoCommand;
import jp.tsunagu.infra.cli.LocalApi;
import jp.tsunagu.infra.cli.ReplayCommand;
import jp.tsunagu.infra.seed.SeedHistory;
import jp.tsunagu.infra.seed.SeedLoader;
import jp.tsunagu.infra.seed.SeedTable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point that {@code ./tsunagu} calls for everything that is easier in Java than in shell.
 *
 * <pre>
 *   kafka-command --dir D --port P --controller-port C [--partitions N]   prints the broker command, one word a line
 *   kafka-command --dir D --node I --nodes N --first-port P --cluster-id ID [--partitions N]
 *                                                                          the same for node I of an N-node cluster
 *   postgres --dir D --port P                                              runs PostgreSQL until terminated
 *   keys --dir D                                                           makes the dev key pair if missing
 *   token ROLE --keys D [--agency ID] [--municipality CODE] [--sub S] [--ttl-hours H]
 *   seed-history --keys D [--host H]                                      loads seed 000's R3–R6 history (久留米市)
 *                                                                          into the running services through their APIs
 *   replay --keys D [--municipality CODE] [--cases-handled X] [--made Y]
 *                                                                          replays reporting from offset 0, shows its
 *                                                                          progress, exits 1 if a figure differs
 *   demo --keys D                                                          posts the seeds' Aさん and Cさん, shows routing
 * </pre>
 * The commands that speak to the running services find them in {@code TSUNAGU_SERVICE_PORTS} (see {@link LocalPorts}).
 */
public final class Main {

    static final Set<String> ROLES = Set.of("agency", "coordinator", "meeting-member", "analyst", "portal");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("no command given");
        }
        Map<String, String> options = new HashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    usage("option " + args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        switch (args[0]) {
            case "kafka-command" -> {
                int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
                KafkaNode node = options.containsKey("nodes")
                        ? new KafkaNode(Path.of(required(options, "dir")), partitions,
                                Integer.parseInt(required(options, "node")),
                                KafkaNode.Quorum.onLoopback(Integer.parseInt(options.get("nodes")),
                                        Integer.parseInt(required(options, "first-port")),
                                        required(options, "cluster-id")))
                        : new KafkaNode(Path.of(required(options, "dir")),
                                Integer.parseInt(required(options, "port")),
                                Integer.parseInt(required(options, "controller-port")), partitions);
                node.prepare().forEach(System.out::println);
            }
            case "postgres" -> runPostgres(Path.of(required(options, "dir")), Integer.parseInt(required(options, "port")));
            case "kafka-cluster-id" -> System.out.println(KafkaNode.Quorum.newClusterId());
            case "keys" -> System.out.println(DevKeys.in(Path.of(required(options, "dir"))).publicKeyFile());
            case "token" -> {
                if (positional.size() != 1 || !ROLES.contains(positional.get(0))) {
                    usage("token needs one role of " + ROLES);
                }
                String role = positional.get(0);
                String agency = options.get("agency");
                if (role.equals("agency") && agency == null) {
                    usage("an agency token needs --agency ID (see GET /agencies)");
                }
                String municipality = municipality(options);
                String sub = options.getOrDefault("sub", role + (agency == null ? "" : "@" + agency) + "@" + municipality);
                Duration ttl = Duration.ofHours(Long.parseLong(options.getOrDefault("ttl-hours", "12")));
                System.out.println(DevKeys.in(Path.of(required(options, "keys"))).token(sub, role, agency, municipality, ttl));
            }
            case "seed-history" -> seedHistory(DevKeys.in(Path.of(required(options, "keys"))), ports(options));
            case "replay" -> {
                String municipality = municipality(options);
                DevKeys keys = DevKeys.in(Path.of(required(options, "keys")));
                String token = keys.token("analyst@" + municipality, "analyst", null, municipality, Duration.ofHours(1));
                System.exit(command(() -> new ReplayCommand(token, ports(options), System.out).run(municipality,
                        options.get("cases-handled"), options.get("made"))));
            }
            case "demo" -> {
                DevKeys keys = DevKeys.in(Path.of(required(options, "keys")));
                String token = keys.token("agency@kurume-houkatsu-01@402036", "agency", "kurume-houkatsu-01", "402036",
                        Duration.ofHours(1));
                System.exit(command(() -> {
                    new DemoCommand(token, ports(options), System.out).run();
                    return 0;
                }));
            }
            default -> usage("unknown command " + args[0]);
        }
    }

    /** Plays seed 000's table as history through intake, meeting and planning; idempotent, so safe to repeat. */
    private static void seedHistory(DevKeys keys, LocalPorts ports) {
        SeedTable table = SeedTable.EXPECTED;
        SeedLoader loader = new SeedLoader(SeedLoader.Services.local(ports),
                SeedLoader.devTokens(keys, table.municipality()), System.out, Duration.ofSeconds(60));
        try {
            loader.load(SeedHistory.plan(table));
        } catch (SeedLoader.LoadFailed e) {
            System.err.println("tsunagu seed-history: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void runPostgres(Path dir, int port) throws InterruptedException {
        EmbeddedDatabase db = EmbeddedDatabase.start(dir, port, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.close();
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + db.port() + " database " + EmbeddedDatabase.DATABASE);
        System.out.flush();
        stopped.await();
    }

    /** A command's body; its failure is one line for the person at the terminal, not a stack trace. */
    private interface Command {
        int run() throws Exception;
    }

    private static int command(Command command) {
        try {
            return command.run();
        } catch (LocalApi.CommandFailed e) {
            System.err.println("tsunagu: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("tsunagu: " + e);
            return 1;
        }
    }

    private static LocalPorts ports(Map<String, String> options) {
        return LocalPorts.parse(options.getOrDefault("host", "127.0.0.1"), System.getenv("TSUNAGU_SERVICE_PORTS"));
    }

    private static String municipality(Map<String, String> options) {
        String municipality = options.getOrDefault("municipality", "402036");
        if (!municipality.matches("\\d{6}")) {
            usage("--municipality takes a six-digit 全国地方公共団体コード, e.g. 402036 or 122203");
        }
        return municipality;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("missing --" + name);
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("tsunagu launcher: " + problem);
        System.exit(2);
    }
}
