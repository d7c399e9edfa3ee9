package jp.tsunagu.support.events;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The sends of a consumer batch, awaited together before the batch's transaction commits. Inside a batch,
 * {@link StagePublisher} sends at once and adds the acknowledgement here instead of waiting for it: one batch then
 * waits for Kafka once, not once per event, and still commits (and acknowledges its records) only after every event
 * it emitted is in the log. Outside a batch (a REST command, a schedule) nothing is open and each send is awaited
 * where it is made.
 *
 * <p>Kept in the Vert.x duplicated context the batch runs on, which is the one its transaction uses too.
 */
public final class PendingSends {

    private static final String KEY = PendingSends.class.getName();

    private final List<Uni<Void>> acks = new ArrayList<>();
    private final Map<String, io.opentelemetry.context.Context> traces = new HashMap<>();
    private final Executor onContext;

    private PendingSends(Executor onContext) {
        this.onContext = onContext;
    }

    /** Opens the batch's sends on the current duplicated context; {@link #close()} ends them. */
    static PendingSends open(Executor onContext) {
        PendingSends sends = new PendingSends(onContext);
        ContextLocals.put(KEY, sends);
        return sends;
    }

    /** The batch's sends when the caller runs inside one. */
    static Optional<PendingSends> current() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
    }

    /** The trace context of an event the batch applies: what the events it causes continue. */
    synchronized void traced(String eventId, io.opentelemetry.context.Context context) {
        traces.put(eventId, context);
    }

    /** The trace context of the batch's event {@code eventId}, when it is one. */
    synchronized Optional<io.opentelemetry.context.Context> trace(String eventId) {
        return Optional.ofNullable(eventId == null ? null : traces.get(eventId));
    }

    /** Subscribes to the send now; its acknowledgement is awaited by {@link #awaitAll()}. */
    synchronized void add(Uni<Void> send) {
        acks.add(started(send.onFailure().transform(SendFailedException::new)));
    }

    /** Starts a send now; its outcome is kept for whoever awaits it later (a batch, or a command's commit). */
    static Uni<Void> started(Uni<Void> send) {
        Uni<Void> ack = send.memoize().indefinitely();
        ack.subscribe().with(ok -> { }, failure -> { });
        return ack;
    }

    /** Completes, back on the batch's context, when Kafka acknowledged every send; fails if one failed. */
    Uni<Void> awaitAll() {
        List<Uni<Void>> all;
        synchronized (this) {
            all = List.copyOf(acks);
        }
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(all).andFailFast().replaceWithVoid().emitOn(onContext);
    }

    /** Ends the batch's sends; safe from any thread (the removal runs on the batch's context, in order). */
    void close() {
        onContext.execute(() -> {
            if (ContextLocals.get(KEY).orElse(null) == this) {
                ContextLocals.remove(KEY);
            }
        });
    }

    /** A send Kafka did not acknowledge: the broker's trouble, never the event's, so it is retried, not set aside. */
    public static final class SendFailedException extends RuntimeException {
        SendFailedException(Throwable cause) {
            super("Kafka did not acknowledge an emitted event: " + cause.getMessage(), cause);
        }
    }
}
