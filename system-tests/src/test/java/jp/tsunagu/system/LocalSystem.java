package jp.tsunagu.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One system run by {@code ./tsunagu} in its own home and on its own ports, as an operator runs it: the tests start,
 * stop and kill its processes only through the script and the pid files it writes.
 *
 * @param env extra environment for every {@code ./tsunagu} call (inherited by the processes it starts)
 */
record LocalSystem(Path root, Path home, int offset, Map<String, String> env) {

    private static final Map<String, Integer> PORTS = new java.util.concurrent.ConcurrentHashMap<>();

    static final Path ROOT = Path.of(System.getProperty("tsunagu.root", "..")).toAbsolutePath().normalize();

    LocalSystem {
        env = Map.copyOf(env);
    }

    /** Where the single system's services export their traces ({@link OtlpReceiver}, loopback). */
    static final int OTLP_PORT = 4318 + 1000;

    /**
     * The single-broker system of {@link LocalRunSystemTest} and {@link AttackSuiteSystemTest}, with traces switched
     * on as a city would (OTLP over HTTP), exported to the test's own receiver, and logs in JSON.
     */
    static final LocalSystem SINGLE = new LocalSystem(ROOT,
            Path.of(System.getProperty("tsunagu.home", "target/tsunagu-home")).toAbsolutePath(), 1000, Map.of(
            "QUARKUS_OTEL_SDK_DISABLED", "false",
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + OTLP_PORT,
            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s",
            "TSUNAGU_LOG_JSON", "true"));

    /** The port a service (intake-service, routing-service, …) listens on in this run, as ./tsunagu says. */
    int port(String service) {
        return PORTS.computeIfAbsent(home + "/" + service, key -> {
            try {
                return Integer.parseInt(run("port", service).trim());
            } catch (Exception e) {
                throw new IllegalStateException("./tsunagu port " + service + " failed", e);
            }
        });
    }

    String postgresUrl() throws Exception {
        return "jdbc:postgresql://127.0.0.1:" + run("port", "postgres").trim() + "/tsunagu";
    }

    /** Runs ./tsunagu with this system's home and ports; fails with its output when it fails. */
    String run(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("tsunagu").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.remove("TSUNAGU_KAFKA_BOOTSTRAP");
        environment.remove("TSUNAGU_DB_URL");
        environment.remove("TSUNAGU_KAFKA_NODES");
        environment.put("TSUNAGU_HOME", home.toString());
        environment.put("TSUNAGU_PORT_OFFSET", String.valueOf(offset));
        environment.put("TSUNAGU_SKIP_BUILD", "1");
        environment.putAll(env);
        // into a file, so that a hung script cannot block the read and the timeout below always applies
        Path out = Files.createTempFile("tsunagu-run", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        if (!ended) {
            throw new AssertionError("./tsunagu " + String.join(" ", args) + " timed out, ending:\n"
                    + lastLines(output, 5) + "\nthe whole output:\n" + output);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("./tsunagu " + String.join(" ", args) + " failed (" + p.exitValue() + "), ending:\n"
                    + lastLines(output, 5) + "\nthe whole output:\n" + output);
        }
        System.out.println(output);
        return output;
    }

    /**
     * The end of a command's output, put first in a failure: a long output (seed-history's 455 steps) ends with why it
     * failed, and a report that shortens a message keeps its head.
     */
    static String lastLines(String output, int count) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    String token(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "token";
        System.arraycopy(args, 0, command, 1, args.length);
        return run(command).trim();
    }

    /**
     * A token of {@code ./tsunagu token ARGS} that renews itself: access tokens live 5 minutes, and a load or a fault
     * test outlives one. Renewed after 3 minutes, as a client of the identity provider would.
     */
    java.util.function.Supplier<String> tokens(String... args) {
        return new java.util.function.Supplier<>() {
            private String token;
            private long fetchedAt;
            private long nextTry;

            @Override
            public synchronized String get() {
                long age = System.nanoTime() - fetchedAt;
                if (token == null || (age > TimeUnit.MINUTES.toNanos(3) && System.nanoTime() >= nextTry)) {
                    try {
                        token = token(args);
                        fetchedAt = System.nanoTime();
                    } catch (Exception | AssertionError e) {
                        // the provider may be unreachable for a while (its database stopped by a fault test): the
                        // token in hand still serves until it expires
                        if (token == null || age > TimeUnit.SECONDS.toNanos(280)) {
                            throw new IllegalStateException("./tsunagu token " + String.join(" ", args)
                                    + " failed", e);
                        }
                        nextTry = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                    }
                }
                return token;
            }
        };
    }

    /** Stops whatever an earlier run left, deletes the home and starts everything afresh. */
    void startFresh() throws Exception {
        run("stop");
        deleteRecursively(home);
        run("up");
    }

    /** The pid ./tsunagu recorded for a process (postgres, kafka-2, routing-service, routing-service-2, ...). */
    long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(home.resolve("run/" + name + ".pid")).trim());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the consumer group or the controller. */
    void kill(String name) throws Exception {
        long pid = pid(name);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and waits until the process is gone. */
    void terminate(String name) throws Exception {
        ProcessHandle handle = ProcessHandle.of(pid(name)).orElseThrow(() -> new AssertionError(name + " is not running"));
        handle.destroy();
        handle.onExit().get(60, TimeUnit.SECONDS);
    }

    /** The processes of this system and their resident memory in kB (from /proc). */
    Map<String, Long> residentKb() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        try (var files = Files.list(home.resolve("run"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replace(".pid", "");
                Path status = Path.of("/proc", Files.readString(f).trim(), "status");
                if (Files.exists(status)) {
                    Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                            .findFirst().ifPresent(l -> rss.put(name, Long.parseLong(l.replaceAll("\\D", ""))));
                }
            }
        }
        return rss;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
