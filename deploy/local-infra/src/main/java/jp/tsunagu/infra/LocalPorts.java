package jp.tsunagu.infra;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The local run's HTTP ports as {@code ./tsunagu} hands them over (its {@code PORT} table, the one place they are
 * written, shifted by {@code TSUNAGU_PORT_OFFSET}): {@code TSUNAGU_SERVICE_PORTS="intake-service=8081 …"}.
 */
public record LocalPorts(String host, Map<String, Integer> ports) {

    public LocalPorts {
        ports = Map.copyOf(ports);
    }

    /** From {@code name=port} words separated by spaces. */
    public static LocalPorts parse(String host, String table) {
        Map<String, Integer> ports = new HashMap<>();
        for (String word : (table == null ? "" : table).trim().split("\\s+")) {
            String[] pair = word.split("=", 2);
            if (pair.length == 2) {
                ports.put(pair[0], Integer.parseInt(pair[1]));
            }
        }
        return new LocalPorts(host, ports);
    }

    public URI service(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + name + " (TSUNAGU_SERVICE_PORTS names "
                    + ports.keySet() + "; run the launcher through ./tsunagu)");
        }
        return URI.create("http://" + host + ":" + port);
    }
}
