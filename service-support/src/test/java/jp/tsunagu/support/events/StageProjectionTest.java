package jp.tsunagu.support.events;

import io.smallrye.mutiny.Uni;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StageProjectionTest {

    @Test
    void eventsAppliedAloneKeepTheirOrderAndStepsThatCompleteAtOnceDoNotDeepenTheStack() {
        // inside a consumer batch a publish completes at once; nesting one chain per event overflowed the stack
        List<EventEnvelope<TsunaguEvent>> events = IntStream.range(0, 100_000).<EventEnvelope<TsunaguEvent>>mapToObj(
                i -> new EventEnvelope<>("e" + i, "/test", Instant.EPOCH, LocalDate.EPOCH, null,
                        new IntakeEvent.ConsentRecorded("c" + i, "402036", Consent.GIVEN, LocalDate.EPOCH))).toList();
        List<String> applied = new ArrayList<>();

        StageProjection.inRuns(events, e -> false, run -> Uni.createFrom().voidItem(), e -> {
            applied.add(e.id());
            return Uni.createFrom().voidItem();
        }).await().indefinitely();

        assertEquals(events.stream().map(EventEnvelope::id).toList(), applied);
    }

    @Test
    void inRunsWritesEachRunOfCommonEventsTogetherAndTheOthersAloneInTheBatchsOrder() {
        // consent GIVEN is the "common" event here; anything else is applied alone
        List<EventEnvelope<TsunaguEvent>> events = List.of(consent("a", Consent.GIVEN), consent("b", Consent.GIVEN),
                consent("c", Consent.NOT_GIVEN), consent("d", Consent.GIVEN), consent("e", Consent.NOT_GIVEN),
                consent("f", Consent.NOT_GIVEN), consent("g", Consent.GIVEN), consent("h", Consent.GIVEN));
        List<String> calls = new ArrayList<>();

        StageProjection.inRuns(events, e -> ((IntakeEvent.ConsentRecorded) e).consent() == Consent.GIVEN,
                run -> {
                    calls.add(String.join("+", run.stream().map(EventEnvelope::id).toList()));
                    return Uni.createFrom().voidItem();
                },
                one -> {
                    calls.add(one.id());
                    return Uni.createFrom().voidItem();
                }).await().indefinitely();

        assertEquals(List.of("a+b", "c", "d", "e", "f", "g+h"), calls);
    }

    private static EventEnvelope<TsunaguEvent> consent(String id, Consent consent) {
        return new EventEnvelope<>(id, "/test", Instant.EPOCH, LocalDate.EPOCH, null,
                new IntakeEvent.ConsentRecorded("c-" + id, "402036", consent, LocalDate.EPOCH));
    }
}
