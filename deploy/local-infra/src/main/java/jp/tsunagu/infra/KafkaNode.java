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
 * One single-node KRaft Apache Kafka broker (broker and controller in one process), run from the Maven Central jars
 * as a child process. Used by the tests' shared resource and by {@code ./tsunagu up}, so both run the same broker
 * with the same settings.
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
    private Process process;

    public KafkaNode(Path dir, int port, int controllerPort, int partitions) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
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
        command.addAll(List.of("format", "--standalone", "--cluster-id=" + clusterId(), "-c", config.toString()));
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

    /** A KRaft cluster id: 16 random bytes, base64url without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
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
        return String.join("\n",
                "# Written by Tsunagu's launcher (jp.tsunagu.infra.KafkaNode) on every start; edit that class instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=" + partitions,
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // A small heap with the default 128 MB dedupe buffer dies in SkimpyOffsetMap (BUILD-NOTES).
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
