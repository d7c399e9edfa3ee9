package jp.tsunagu.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system started once per test run ({@code ./tsunagu up} on ports shifted by 1000, in a fresh home) and
 * stopped when every test class that uses it is done.
 */
public final class RunningSystem implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningSystem.class,
                k -> start(), Started.class);
    }

    private static Started start() {
        try {
            OtlpReceiver.on(LocalSystem.OTLP_PORT);
            LocalSystem.SINGLE.startFresh();
            return new Started();
        } catch (Exception e) {
            throw new IllegalStateException("./tsunagu up failed", e);
        }
    }

    /** Stops the system when the root context closes (after the last test class). */
    static final class Started implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            LocalSystem.SINGLE.run("stop");
        }
    }
}
