package jp.tsunagu.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One KRaft Apache Kafka node (broker and controller in one process), run from the Maven Central jars as a child
 * process. Used by the tests' shared resource and by {@code ./tsunagu up}, so both run the same broker with the same
 * settings. Alone it is a single-node cluster; with a {@link Quorum} of three it is one member of a cluster with
 * replication factor 3 and {@code min.insync.replicas=2}, as in production.
 *
 * <p>Data lives in {@code dir/data} and survives restarts; the storage is formatted only once.
 */
public final class KafkaNode {

    private static final String CLASSPATH_RESOURCE = "/jp/tsunagu/kafka-broker.classpath";
    private static final String LOG4J_RESOURCE = "/jp/tsunagu/kafka-broker-log4j2.properties";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final int nodeId;
    private final Quorum quorum;
    private Process process;

    /** A single-node cluster. */
    public KafkaNode(Path dir, int port, int controllerPort, int partitions) {
        this(dir, partitions, 1, Quorum.single(port, controllerPort));
    }

    /** Node {@code nodeId} (1-based) of {@code quorum}; every node of one cluster must get the same quorum. */
    public KafkaNode(Path dir, int partitions, int nodeId, Quorum quorum) {
        if (nodeId < 1 || nodeId > quorum.size()) {
            throw new IllegalArgumentException("node id " + nodeId + " is not in a quorum of " + quorum.size());
        }
        this.dir = dir.toAbsolutePath();
        this.port = quorum.brokerPorts().get(nodeId - 1);
        this.controllerPort = quorum.controllerPorts().get(nodeId - 1);
        this.partitions = partitions;
        this.nodeId = nodeId;
        this.quorum = quorum;
    }

    /**
     * The nodes of one cluster on loopback: their broker and controller ports and the cluster id they are formatted
     * with (any string of 22 base64url characters; all nodes must share it).
     */
    public record Quorum(List<Integer> brokerPorts, List<Integer> controllerPorts, String clusterId) {

        public Quorum {
            if (brokerPorts.size() != controllerPorts.size() || brokerPorts.isEmpty()) {
                throw new IllegalArgumentException("one broker and one controller port per node");
            }
            brokerPorts = List.copyOf(brokerPorts);
            controllerPorts = List.copyOf(controllerPorts);
        }

        static Quorum single(int port, int controllerPort) {
            return new Quorum(List.of(port), List.of(controllerPort), null);
        }

        /**
         * {@code size} nodes: node i (1-based) listens on {@code firstPort + 2(i-1)} as a broker and on the next
         * port as a controller, so a single node keeps the ports 9092/9093.
         */
        public static Quorum onLoopback(int size, int firstPort, String clusterId) {
            List<Integer> brokers = new ArrayList<>();
            List<Integer> controllers = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                brokers.add(firstPort + 2 * i);
                controllers.add(firstPort + 2 * i + 1);
            }
            return new Quorum(brokers, controllers, clusterId);
        }

        public int size() {
            return brokerPorts.size();
        }

        public String bootstrapServers() {
            return String.join(",", brokerPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        }

        String voters() {
            List<String> voters = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                voters.add((i + 1) + "@127.0.0.1:" + controllerPorts.get(i));
            }
            return String.join(",", voters);
        }

        /** A fresh KRaft cluster id: 16 random bytes, base64url without padding. */
        public static String newClusterId() {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return dir.resolve("kafka.log");
    }

    /** Writes the configuration, formats the storage on first use, and returns the command that runs the broker. */
    public List<String> prepare() {
        try {
            Files.createDirectories(dir.resolve("data"));
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(), StandardCharsets.UTF_8);
            Path log4j = dir.resolve("log4j2.properties");
            try (InputStream in = KafkaNode.class.getResourceAsStream(LOG4J_RESOURCE)) {
                Files.write(log4j, in.readAllBytes());
            }
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                format(config);
            }
            List<String> command = javaCommand("kafka.Kafka");
            command.add(config.toString());
            return command;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the broker as a child process and waits until it accepts connections. */
    public KafkaNode start(Duration timeout) {
        List<String> command = prepare();
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(timeout);
        return this;
    }

    /** Stops the broker started by {@link #start}, gracefully first. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile());
            }
            if (logSays("Kafka Server started") && portOpen()) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("Kafka did not start within " + timeout + "; see " + logFile());
    }

    private boolean logSays(String text) {
        try {
            return Files.exists(logFile()) && Files.readString(logFile(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void format(Path config) throws IOException {
        List<String> command = javaCommand("kafka.tools.StorageTool");
        // "--cluster-id=" form: a random id may start with '-', which the tool would take for an option
        String clusterId = quorum.clusterId() == null ? Quorum.newClusterId() : quorum.clusterId();
        command.addAll(quorum.size() == 1
                ? List.of("format", "--standalone", "--cluster-id=" + clusterId, "-c", config.toString())
                // static voters (controller.quorum.voters): every node formatted alike with the shared id
                : List.of("format", "--cluster-id=" + clusterId, "-c", config.toString()));
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            int exit = format.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed (" + exit + "); see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> javaCommand(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(mainClass);
        return command;
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaNode.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + CLASSPATH_RESOURCE + ": build deploy/kafka-broker first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String serverProperties() {
        // A cluster keeps every record on three brokers and acknowledges it once two have it (acks=all), so one
        // broker may die without losing an acknowledged event or stopping writes.
        int replicas = Math.min(3, quorum.size());
        int minInSync = replicas >= 3 ? 2 : 1;
        return String.join("\n",
                "# Written by Tsunagu's launcher (jp.tsunagu.infra.KafkaNode) on every start; edit that class instead.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                quorum.size() == 1 ? "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort
                        : "controller.quorum.voters=" + quorum.voters(),
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=" + partitions,
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=" + (replicas == 1 ? 1 : 3),
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                // a killed leader's partitions move to a follower in seconds, not after the default 18 s
                "broker.session.timeout.ms=" + (replicas == 1 ? 9000 : 6000),
                "broker.heartbeat.interval.ms=" + (replicas == 1 ? 2000 : 1000),
                "group.initial.rebalance.delay.ms=0",
                // A small heap with the default 128 MB dedupe buffer dies in SkimpyOffsetMap (measured on these machines).
                "log.cleaner.dedupe.buffer.size=8388608",
                // Events are the system of record: keep them (a city sets its own retention in production).
                "log.retention.hours=-1",
                "auto.create.topics.enable=true",
                "");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
