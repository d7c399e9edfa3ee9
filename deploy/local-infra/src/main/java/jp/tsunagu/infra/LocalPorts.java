package jp.tsunagu.infra;

import java.net.URI;
import java.util.Map;

/**
 * The local run's HTTP ports, the Java side's one list of them (the shell's is {@code PORT} in {@code ./tsunagu}),
 * shifted by {@code TSUNAGU_PORT_OFFSET}.
 */
public record LocalPorts(String host, int offset) {

    private static final Map<String, Integer> SERVICES = Map.of("intake-service", 8081, "routing-service", 8082,
            "meeting-service", 8083, "planning-service", 8084, "reporting-service", 8085);

    public URI service(String name) {
        Integer port = SERVICES.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no service " + name + "; one of " + SERVICES.keySet());
        }
        return URI.create("http://" + host + ":" + (port + offset));
    }
}
