package jp.tsunagu.support.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What one service does with the stage topics it reads: its projection (what an event changes in its tables) and its
 * reactions (the events it emits in answer). Each service has exactly one; {@link StageEventsConsumer} runs it on
 * every batch, inside one transaction with the ledger, so a service writes nothing about consuming itself.
 */
public interface StageProjection {

    /** The projection's name in the ledger ({@code processed_event.consumer}) and in the metrics. */
    String consumer();

    /**
     * Whether the event can change anything here. A batch none of whose events can is acknowledged without opening
     * a transaction; the default says every event can.
     */
    default boolean changesAnything(TsunaguEvent event) {
        return true;
    }

    /**
     * Applies events this projection has not applied before, in the order their partitions hold them, inside the
     * batch's transaction. Events it emits through a {@link StagePublisher} are sent at once and awaited before the
     * transaction commits.
     */
    Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events);

    /**
     * For a projection whose common events can be written as a set: each run of consecutive events that
     * {@code together} accepts is written by one call of {@code writeRun} (a statement per table for the run), every
     * other event alone by {@code one}, the runs and the others in the batch's order. Concatenated by Mutiny, not by
     * nesting one {@code chain} per segment: steps that complete at once would otherwise deepen the stack with the
     * batch.
     */
    static Uni<Void> inRuns(List<EventEnvelope<TsunaguEvent>> events, Predicate<TsunaguEvent> together,
                            Function<List<EventEnvelope<TsunaguEvent>>, Uni<Void>> writeRun,
                            Function<EventEnvelope<TsunaguEvent>, Uni<Void>> one) {
        List<List<EventEnvelope<TsunaguEvent>>> segments = new ArrayList<>();
        List<EventEnvelope<TsunaguEvent>> run = new ArrayList<>();
        for (EventEnvelope<TsunaguEvent> e : events) {
            if (together.test(e.data())) {
                run.add(e);
                continue;
            }
            if (!run.isEmpty()) {
                segments.add(run);
                run = new ArrayList<>();
            }
            segments.add(List.of(e));
        }
        if (!run.isEmpty()) {
            segments.add(run);
        }
        return Multi.createFrom().iterable(segments).onItem()
                .transformToUniAndConcatenate(segment -> together.test(segment.get(0).data()) ? writeRun.apply(segment)
                        : one.apply(segment.get(0)))
                .collect().last().replaceWithVoid();
    }
}
