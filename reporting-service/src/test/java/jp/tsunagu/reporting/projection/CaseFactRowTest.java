package jp.tsunagu.reporting.projection;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fold of a case's row of facts (its facts, and its stage by contract's CaseStage): whatever order its events
 * arrive in, the same row, as {@code case_fact} stores it.
 */
class CaseFactRowTest {

    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
    private static final OffsetDateTime T = OffsetDateTime.parse("2024-04-01T00:00:00Z");
    private static final String CITY = "402036";

    private static final EventEnvelope<TsunaguEvent> RECEIVED = event(0, APRIL, new IntakeEvent.ReferralReceived("c",
            null, CITY, "a0", Channel.AGENCY, APRIL, "area", AgeBand.AGE_40_49, List.of(),
            List.of(Concern.HIKIKOMORI), Consent.GIVEN, Urgency.ROUTINE, false, null));
    private static final EventEnvelope<TsunaguEvent> ROUTED = event(2, APRIL.plusDays(2), new RoutingEvent.CaseRouted(
            "c", CITY, "a1", List.of(Field.ELDERLY), List.of(), "r", "d"));
    private static final EventEnvelope<TsunaguEvent> REROUTED = event(9, APRIL.plusDays(9),
            new RoutingEvent.CaseEscalatedV1("c", CITY, MeetingType.JUUSOU_SHIEN_KAIGI, false, List.of(Field.POVERTY),
                    List.of(), "r", "d").current());
    private static final EventEnvelope<TsunaguEvent> MET = event(20, APRIL.plusDays(20), review(APRIL.plusDays(20)));
    private static final EventEnvelope<TsunaguEvent> MET_AGAIN = event(40, APRIL.plusDays(40),
            review(APRIL.plusDays(40)));
    private static final EventEnvelope<TsunaguEvent> PLANNED = event(30, APRIL.plusDays(30),
            new PlanningEvent.PlanCreated("p", "c", CITY, PlanType.MULTI_AGENCY, APRIL.plusDays(30), List.of(), null,
                    null));
    /** joined to the person's first case c0 (duplicate-confirmed), recorded before the latest stage */
    private static final EventEnvelope<TsunaguEvent> JOINED = event(1, APRIL, new IntakeEvent.DuplicateConfirmed("c",
            null, CITY, "c0", null, APRIL));

    @Test
    void everyOrderGivesTheSameRow() {
        List<Object> expected = Arrays.asList("c", "402036", APRIL, "AGENCY", "HIKIKOMORI", "a0", "ROUTINE",
                APRIL.plusDays(2), "ROUTED", "a1", "ELDERLY", APRIL.plusDays(20), APRIL.plusDays(30), "CLOSED",
                T.plusSeconds(40), "c0"); // joined: closed for good, whichever stage came latest
        List<EventEnvelope<TsunaguEvent>> events = List.of(RECEIVED, ROUTED, REROUTED, MET, MET_AGAIN, PLANNED,
                JOINED);
        for (List<EventEnvelope<TsunaguEvent>> order : permutations(events)) {
            assertEquals(expected, stored(fold(CaseFactRow.none("c", CITY), order)), order.toString());
        }
    }

    @Test
    void aCopyOfAnEventChangesNothing() {
        CaseFactRow row = fold(CaseFactRow.none("c", CITY), List.of(RECEIVED, ROUTED, PLANNED));
        assertEquals(row, fold(row, List.of(ROUTED, PLANNED, RECEIVED)));
    }

    /** The row's first 16 columns of {@code case_fact}, as it writes them. */
    private static List<Object> stored(CaseFactRow row) {
        return CaseFactColumns.write(row).params().subList(0, 16);
    }

    private static CaseFactRow fold(CaseFactRow row, List<EventEnvelope<TsunaguEvent>> events) {
        for (EventEnvelope<TsunaguEvent> e : events) {
            row = row.after(e.data(), e.time(), ReportingProjection.writes(e).facts());
        }
        return row;
    }

    private static EventEnvelope<TsunaguEvent> event(int second, LocalDate on, TsunaguEvent data) {
        return new EventEnvelope<>("e-" + second, "/t", T.plusSeconds(second).toInstant(), on, null, data);
    }

    private static TsunaguEvent review(LocalDate heldOn) {
        return new MeetingEvent.CaseReviewed("c", CITY, "m-" + heldOn, MeetingType.JUUSOU_SHIEN_KAIGI, heldOn,
                ReviewOutcome.CONTINUE, null, List.of(), false, null);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>();
                one.add(first);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
