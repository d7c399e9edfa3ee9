package jp.tsunagu.infra;

import jp.tsunagu.infra.cli.DemoCommand;
import jp.tsunagu.infra.cli.ImportCommand;
import jp.tsunagu.infra.cli.LocalApi;
import jp.tsunagu.infra.cli.ReplayCommand;
import jp.tsunagu.infra.identity.IdentityCommands;
import jp.tsunagu.infra.identity.IdentityFailure;
import jp.tsunagu.infra.identity.IdpHome;
import jp.tsunagu.infra.identity.IdpTokens;
import jp.tsunagu.infra.identity.KubernetesRealms;
import jp.tsunagu.infra.identity.Profile;
import jp.tsunagu.infra.seed.SeedHistory;
import jp.tsunagu.infra.seed.SeedLoader;
import jp.tsunagu.infra.seed.SeedTable;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Entry point that {@code ./tsunagu} calls for everything that is easier in Java than in shell.
 *
 * <pre>
 *   kafka-command --dir D --port P --controller-port C [--partitions N]   prints the broker command, one word a line
 *   kafka-command --dir D --node I --nodes N --first-port P --cluster-id ID [--partitions N]
 *                                                                          the same for node I of an N-node cluster
 *   postgres --dir D --port P                                              runs PostgreSQL until terminated
 *   keys --dir D                                                           makes the dev key pair if missing
 *   idp-realms --url U --home H --console-url C [--profile local|production] [--directories DIR] [--admin-user A]
 *                                                                          makes or completes every municipality's
 *                                                                          realm in Keycloak (local: secrets and
 *                                                                          H/idp/demo-users.txt too)
 *   realm-json --municipality CODE [--profile production|local] [--console-url C] [--directories DIR] [--home H]
 *                                                                          prints a realm as Keycloak imports it
 *   kubernetes-realms --out DIR [--console-url C] [--directories DIR]     writes the operator's KeycloakRealmImports
 *   token ROLE --idp U --home H [--agency ID] [--municipality CODE]        prints an access token from the local realm
 *   seed-history --idp U --home H [--host H]                              loads seed 000's R3–R6 history (久留米市)
 *                                                                          into the running services through their APIs
 *   replay --idp U --home H [--municipality CODE] [--cases-handled X] [--made Y]
 *                                                                          replays reporting from offset 0, shows its
 *                                                                          progress, exits 1 if a figure differs
 *   demo --idp U --home H                                                  posts the seeds' Aさん and Cさん, shows routing
 *   import FILE --idp U --home H [--municipality CODE] [--mode check|import] [--skip-bad-rows true] [--charset C]
 *                                                                          sends a caseload sheet to intake's import
 *                                                                          as a coordinator; exit 0 clean, 1 problems,
 *                                                                          2 refused
 * </pre>
 * The commands that speak to the running services find them in {@code TSUNAGU_SERVICE_PORTS} (see {@link LocalPorts});
 * their tokens come from the local run's identity provider (the realm's local clients, see {@link IdpTokens}).
 * {@code idp-realms} signs in to Keycloak as {@code --admin-user}, else {@code TSUNAGU_IDP_ADMIN_USER}, else
 * tsunagu-admin, with the password in {@code TSUNAGU_IDP_ADMIN_PASSWORD}, else {@code H/idp/admin.password}.
 */
public final class Main {

    static final List<String> ROLES = jp.tsunagu.contract.identity.ApiRoles.ALL;

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
            case "idp-realms" -> System.exit(command(() -> {
                // no default: the local profile adds demo people and password-only staff clients, which must never
                // reach a city's provider by a forgotten option
                if (!options.containsKey("profile")) {
                    usage("idp-realms needs --profile local (./tsunagu's own Keycloak) or --profile production");
                }
                Profile profile = profile(options, "production");
                URI url = idp(options, "url");
                if (profile == Profile.LOCAL && !Set.of("127.0.0.1", "localhost", "[::1]")
                        .contains(url.getHost())) {
                    usage("--profile local is for the Keycloak ./tsunagu runs on this machine, not " + url);
                }
                IdentityCommands.idpRealms(url, Path.of(required(options, "home")),
                        required(options, "console-url"), profile, directories(options),
                        options.getOrDefault("admin-user", Optional.ofNullable(System.getenv("TSUNAGU_IDP_ADMIN_USER"))
                                .filter(u -> !u.isBlank()).orElse(IdentityCommands.DEFAULT_ADMIN)), System.out);
                return 0;
            }));
            case "realm-json" -> {
                Profile profile = profile(options, "production");
                String home = profile == Profile.LOCAL ? required(options, "home") : ".";
                System.exit(command(() -> {
                    System.out.println(IdentityCommands.realmJson(municipality(options), profile,
                            options.getOrDefault("console-url", KubernetesRealms.PLACEHOLDER_CONSOLE),
                            directories(options), Path.of(home)));
                    return 0;
                }));
            }
            case "kubernetes-realms" -> System.exit(command(() -> {
                Path out = Path.of(required(options, "out"));
                IdentityCommands.kubernetesRealms(out, options.getOrDefault("console-url",
                        KubernetesRealms.PLACEHOLDER_CONSOLE), directories(options)).keySet()
                        .forEach(file -> System.out.println(out.resolve(file)));
                return 0;
            }));
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
                System.exit(command(() -> {
                    System.out.println(tokens(options).forRole(municipality, role, agency));
                    return 0;
                }));
            }
            case "seed-history" -> seedHistory(tokens(options), ports(options));
            case "replay" -> {
                String municipality = municipality(options);
                IdpTokens tokens = tokens(options);
                System.exit(command(() -> new ReplayCommand(() -> tokens.forRole(municipality, "analyst", null),
                        ports(options), System.out).run(municipality, options.get("cases-handled"),
                        options.get("made"))));
            }
            case "demo" -> {
                IdpTokens tokens = tokens(options);
                System.exit(command(() -> {
                    new DemoCommand(() -> tokens.forRole("402036", "agency", "kurume-houkatsu-01"), ports(options),
                            System.out).run();
                    return 0;
                }));
            }
            case "import" -> {
                if (positional.size() != 1) {
                    usage("import needs one file (.xlsx or .csv)");
                }
                String municipality = municipality(options);
                Supplier<String> token = System.getenv("TSUNAGU_TOKEN") != null ? () -> System.getenv("TSUNAGU_TOKEN")
                        : importToken(options, municipality);
                System.exit(command(() -> new ImportCommand(token, ports(options), System.out)
                        .run(Path.of(positional.get(0)), "check".equals(options.get("mode")),
                                "true".equals(options.get("skip-bad-rows")), options.get("charset"))));
            }
            default -> usage("unknown command " + args[0]);
        }
    }

    /** A coordinator's token from the local run's realm (a city's own IdP: set TSUNAGU_TOKEN instead). */
    private static Supplier<String> importToken(Map<String, String> options, String municipality) {
        IdpTokens tokens = tokens(options);
        return () -> tokens.forRole(municipality, "coordinator", null);
    }

    /** Plays seed 000's table as history through intake, meeting and planning; idempotent, so safe to repeat. */
    private static void seedHistory(IdpTokens tokens, LocalPorts ports) {
        SeedTable table = SeedTable.EXPECTED;
        SeedLoader loader = new SeedLoader(SeedLoader.Services.local(ports),
                SeedLoader.idpTokens(tokens, table.municipality()), System.out, Duration.ofSeconds(60));
        try {
            loader.load(SeedHistory.plan(table));
        } catch (SeedLoader.LoadFailed | IdentityFailure e) {
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
        } catch (LocalApi.CommandFailed | IdentityFailure e) {
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

    /** Tokens of the local run's identity provider ({@code --idp}), with the secrets under {@code --home}. */
    private static IdpTokens tokens(Map<String, String> options) {
        return new IdpTokens(idp(options, "idp"), new IdpHome(Path.of(required(options, "home"))));
    }

    private static URI idp(Map<String, String> options, String name) {
        String url = required(options, name);
        if (!url.matches("https?://[^/]+/?")) {
            usage("--" + name + " takes the identity provider's base address, e.g. http://127.0.0.1:8180");
        }
        return URI.create(url);
    }

    private static Profile profile(Map<String, String> options, String otherwise) {
        try {
            return Profile.parse(options.getOrDefault("profile", otherwise));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return null;
        }
    }

    /** A city's own directories ({@code <code>.json}, as {@code tsunagu.directory.dir}); else the shipped ones. */
    private static Optional<Path> directories(Map<String, String> options) {
        return Optional.ofNullable(options.get("directories")).map(Path::of);
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
