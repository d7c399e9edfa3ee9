package jp.tsunagu.system;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback for the system test: keeps every export request's body (protobuf) as sent.
 * Enough to tell which service (its {@code service.name}, a plain string in the body) exported spans of which trace
 * (the trace id's 16 bytes appear as they are) without a protobuf library.
 */
final class OtlpReceiver {

    private static OtlpReceiver started;

    private final List<byte[]> bodies = new ArrayList<>();

    /** The receiver on 127.0.0.1:{@code port}, started once per test run. */
    static synchronized OtlpReceiver on(int port) throws IOException {
        if (started == null) {
            OtlpReceiver receiver = new OtlpReceiver();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                        body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
                    }
                    synchronized (receiver.bodies) {
                        receiver.bodies.add(body);
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            started = receiver;
        }
        return started;
    }

    /** Whether some export of {@code service} held a span of the trace {@code traceIdHex} (32 hex digits). */
    boolean sawTrace(String service, String traceIdHex) {
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        byte[] name = service.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        synchronized (bodies) {
            return bodies.stream().anyMatch(b -> contains(b, name) && contains(b, traceId));
        }
    }

    int exports() {
        synchronized (bodies) {
            return bodies.size();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
