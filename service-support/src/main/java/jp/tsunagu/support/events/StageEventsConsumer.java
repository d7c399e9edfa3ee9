package jp.tsunagu.support.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.directory.AgencyDirectories;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The one way every service consumes the stage topics ({@code stage-events}, in batches): whatever a poll returns,
 * up to {@code tsunagu.events.max-batch} records, is one transaction. A record that is not a valid event is set aside
 * on the dead-letter topic with its reason; the rest are claimed in the ledger in one statement, the first-time ones
 * applied in partition order by the service's {@link StageProjection}, every event it emitted awaited, and the
 * transaction committed; only then is the batch acknowledged. A batch whose events cannot change anything here opens
 * no transaction. A batch that keeps failing is halved until the failing event is found ({@link BatchIsolation}).
 * Counts what it applied per event type ({@code tsunagu_events_applied_total}).
 */
@ApplicationScoped
public class StageEventsConsumer {

    private record Read(ConsumerRecord<String, byte[]> record, EventEnvelope<TsunaguEvent> envelope) {
    }

    private final StageProjection projection;
    private final Database database;
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final BatchIsolation.Patience patience;
    private final AgencyDirectories directories;
    private final Tracer tracer;

    public StageEventsConsumer(StageProjection projection, Database database, DeadLetters deadLetters,
                               MeterRegistry metrics, EventConsumerConfig config, AgencyDirectories directories,
                               Tracer tracer) {
        this.tracer = tracer;
        this.projection = projection;
        this.database = database;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.directories = directories;
        this.patience = new BatchIsolation.Patience(config.batchRetries(), config.poisonAfter(),
                config.firstBackOff(), config.maxBackOff(), config.attemptLimit());
    }

    @Incoming("stage-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        List<Read> events = new ArrayList<>();
        List<Uni<Void>> malformed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope<TsunaguEvent> envelope = IncomingEvents.read(record);
                if (envelope.data() instanceof RoutingEvent.DirectoryChanged changed) {
                    directories.follow(changed); // every service, whatever its projection does with the event
                }
                // a copy of an event already in this batch is a redelivery: the ledger would skip it anyway
                if (seen.add(envelope.id()) && projection.changesAnything(envelope.data())) {
                    events.add(new Read(record, envelope));
                }
            } catch (CloudEventCodec.MalformedEventException e) {
                malformed.add(setAside(record, e));
            }
        }
        metrics.summary("tsunagu.events.batch.size", "consumer", projection.consumer()).record(records.count());
        BatchIsolation<Read> isolation = new BatchIsolation<>(
                new BatchIsolation.Writes<>(batch -> attempt(batch, onContext), this::setAside),
                StageEventsConsumer::isInfrastructure, () -> databaseAnswers(database, onContext), patience, onContext);
        Uni<Void> setAsideFirst = malformed.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(malformed).onItem().transformToUniAndConcatenate(u -> u)
                .collect().last().replaceWithVoid();
        return setAsideFirst.chain(() -> isolation.apply(events)).emitOn(onContext);
    }

    /**
     * One transaction: claim every id, apply the first-time events, await what they emitted, commit. Each event is
     * applied in a span of its own trace (the context its record carries), which the events it causes continue.
     */
    private Uni<Void> attempt(List<Read> batch, Executor onContext) {
        List<String> ids = batch.stream().map(r -> r.envelope().id()).toList();
        PendingSends sends = PendingSends.open(onContext);
        List<Span> spans = new ArrayList<>();
        for (Read read : batch) {
            io.opentelemetry.context.Context parent = EventTraces.extract(read.record());
            Span span = tracer.spanBuilder("apply " + read.envelope().type()).setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", read.record().topic())
                    .setAttribute("messaging.consumer.group.name", projection.consumer())
                    .setAttribute("messaging.message.id", read.envelope().id())
                    .startSpan();
            spans.add(span);
            sends.traced(read.envelope().id(), parent.with(span));
        }
        return database.inTransaction(() -> ProcessedEvents.claim(database, projection.consumer(), ids)
                        .chain(claimed -> {
                            List<EventEnvelope<TsunaguEvent>> first = batch.stream().map(Read::envelope)
                                    .filter(e -> claimed.contains(e.id())).toList();
                            return first.isEmpty() ? Uni.createFrom().item(first)
                                    : projection.apply(first).replaceWith(first);
                        })
                        .call(first -> sends.awaitAll()))
                .invoke(first -> first.forEach(e -> metrics.counter("tsunagu.events.applied",
                        "consumer", projection.consumer(), "type", e.type()).increment()))
                .replaceWithVoid()
                .eventually(() -> {
                    spans.forEach(Span::end);
                    sends.close();
                });
    }

    private Uni<Void> setAside(Read read, Throwable failure) {
        return setAside(read.record(), new IllegalStateException("cannot be applied by " + projection.consumer()
                + ": " + failure, failure));
    }

    /** Retried until Kafka takes it: the batch is acknowledged only after its dead letters are in the log. */
    private Uni<Void> setAside(ConsumerRecord<String, byte[]> record, Throwable reason) {
        return deadLetters.send(record, projection.consumer(), reason)
                .invoke(() -> metrics.counter("tsunagu.events.dead.lettered", "consumer", projection.consumer())
                        .increment())
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely();
    }

    private static Uni<Boolean> databaseAnswers(Database database, Executor onContext) {
        return Uni.createFrom().deferred(database::answers)
                .runSubscriptionOn(onContext)
                .ifNoItem().after(Duration.ofSeconds(5)).fail()
                .onFailure().recoverWithItem(false);
    }

    private static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PendingSends.SendFailedException) {
                return true;
            }
        }
        return false;
    }
}
