package jp.tsunagu.infra.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.infra.seed.SeedStep.CaseRef;
import jp.tsunagu.infra.seed.SeedStep.Consent;
import jp.tsunagu.infra.seed.SeedStep.MeetingRef;
import jp.tsunagu.infra.seed.SeedStep.Outcome;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The planned history gives seed 000's table under reporting-service's definitions, and keeps the rules the APIs
 * enforce. {@link Services} below replays the steps the way the services would take them: the minutes rules of
 * meeting-service, planning-service's plan lifecycle (a 重層的支援会議's PLAN/REPLAN/CLOSE becoming the plan change)
 * and meeting-service's queueing of an escalated case on the next unheld meeting of its track.
 */
class SeedHistoryTest {

    static final SeedTable TABLE = SeedTable.EXPECTED;
    static final List<SeedStep> STEPS = SeedHistory.plan(TABLE);

    @Test
    void countingTheStepsAsReportingDoesGivesTheExpectedTable() {
        Map<String, Integer> counted = Services.replay(STEPS).cells(TABLE);
        List<String> differences = SeedTable.differences(TABLE.cells(), counted);
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertEquals(TABLE.cells(), counted);
    }

    @Test
    void tsunaguReportsTheSeedButForTheSelfContradictingCell() {
        List<String> differences = SeedTable.differences(SeedTable.SEED_000.cells(), TABLE.cells());
        assertEquals(List.of("R6 PARTICIPATION made: expected 5, got 13"), differences);
        SeedTable.PlanFigures r6 = TABLE.year("R6").plan(PlanType.PARTICIPATION);
        assertEquals(5, r6.created(), "5 new plans and 8 re-plans");
        assertEquals(SeedTable.SEED_000.year("R3").meeting(MeetingType.JUUSOU_SHIEN_KAIGI),
                new SeedTable.MeetingFigures(13, 7));
        assertEquals(4 * 2 * 2 + 4 * 3 * 3, TABLE.cells().size());
    }

    @Test
    void stepsRunInDateOrderAndEachFallsInItsFiscalYearNotInTheFuture() {
        LocalDate previous = LocalDate.MIN;
        for (SeedStep step : STEPS) {
            assertTrue(!step.on().isBefore(previous), step.describe() + " comes after a step of " + previous);
            previous = step.on();
        }
        assertTrue(!previous.isAfter(TABLE.year("R6").end()), "the last step is in R6: " + previous);
        assertTrue(!STEPS.get(0).on().isBefore(TABLE.year("R3").start()));
        for (SeedStep step : STEPS) {
            String year = label(step.on());
            String named = switch (step) {
                case SeedStep.Meeting m -> m.meeting().name();
                case SeedStep.Referral r -> r.kase().name();
                case SeedStep.Minutes m -> m.meeting().name();
                case SeedStep.NewPlan p -> p.plan().name();
                case SeedStep.Revision r -> r.plan().name();
                case SeedStep.Closure c -> c.plan().name();
            };
            if (!(step instanceof SeedStep.Revision) && !(step instanceof SeedStep.Closure)) {
                assertTrue(named.startsWith(year + "-"), step.describe() + " belongs to " + year);
            }
        }
    }

    @Test
    void meetingsAreWednesdaysSpreadOverTheYearAndScheduledAtItsStart() {
        for (SeedTable.Year year : TABLE.years()) {
            for (MeetingType type : SeedTable.CASE_MEETINGS) {
                List<SeedStep.Meeting> meetings = STEPS.stream().filter(s -> s instanceof SeedStep.Meeting)
                        .map(s -> (SeedStep.Meeting) s)
                        .filter(m -> m.type() == type && year.contains(m.scheduledOn())).toList();
                assertEquals(year.meeting(type).held(), meetings.size(), year.label() + " " + type);
                Set<LocalDate> days = new HashSet<>();
                Set<Integer> months = new HashSet<>();
                for (SeedStep.Meeting m : meetings) {
                    assertEquals(DayOfWeek.WEDNESDAY, m.scheduledOn().getDayOfWeek());
                    assertTrue(days.add(m.scheduledOn()), "one " + type + " a day: " + m.scheduledOn());
                    assertEquals(year.start(), m.decidedOn());
                    months.add(m.scheduledOn().getMonthValue());
                }
                assertEquals(Math.min(12, meetings.size()), months.size(), year.label() + " " + type + " months");
            }
        }
    }

    @Test
    void idempotencyKeysAreUniquePrintableAsciiAndTheSameEveryTime() {
        Set<String> keys = new HashSet<>();
        for (SeedStep step : STEPS) {
            String key = step.key();
            assertTrue(keys.add(key), "duplicate key " + key);
            assertTrue(!key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f), key);
        }
        assertEquals(STEPS, SeedHistory.plan(SeedTable.EXPECTED), "the same table plans the same steps");
    }

    @Test
    void referralsAreFewAPoolPerYearAndMeetingTypeAndAFreshCasePerPlan() {
        long referrals = STEPS.stream().filter(s -> s instanceof SeedStep.Referral).count();
        long newPlans = TABLE.years().stream().mapToInt(y -> y.plan(PlanType.MULTI_AGENCY).created()
                + y.plan(PlanType.OUTREACH).created() + y.plan(PlanType.PARTICIPATION).created()).sum();
        long reviews = TABLE.years().stream().mapToInt(y -> y.meeting(MeetingType.JUUSOU_SHIEN_KAIGI).casesHandled()
                + y.meeting(MeetingType.SHIEN_KAIGI).casesHandled()).sum();
        assertTrue(referrals >= newPlans, "a fresh case per new plan");
        assertTrue(referrals <= newPlans + reviews / 2, referrals + " referrals for " + reviews + " reviews");
    }

    @Test
    void namesAreKurumesAreasAndAgencies() throws Exception {
        Path directory = Path.of("../../contract/src/main/resources/jp/tsunagu/contract/directory/402036.json");
        assertTrue(Files.exists(directory), "run from deploy/local-infra: " + directory.toAbsolutePath());
        JsonNode json = new ObjectMapper().readTree(directory.toFile());
        Set<String> areas = new HashSet<>();
        json.path("areas").forEach(a -> areas.add(a.asText()));
        Set<String> agencies = new HashSet<>();
        json.path("agencies").forEach(a -> agencies.add(a.path("id").asText()));
        for (SeedStep step : STEPS) {
            switch (step) {
                case SeedStep.Referral r -> {
                    assertTrue(areas.contains(r.area()), r.area());
                    assertTrue(agencies.contains(r.referringAgencyId()), r.referringAgencyId());
                }
                case SeedStep.Minutes m -> assertTrue(agencies.containsAll(m.attendees()), m.attendees().toString());
                case SeedStep.NewPlan p -> assertTrue(agencies.contains(p.agencyId()), p.agencyId());
                default -> {
                }
            }
        }
    }

    static String label(LocalDate day) {
        return TABLE.years().stream().filter(y -> y.contains(day)).map(SeedTable.Year::label).findFirst()
                .orElse("outside R3-R6");
    }

    /**
     * The services as far as the history touches them, each rule as the service enforces it; a broken rule fails
     * the test with the step that broke it.
     */
    static final class Services {
        record Meeting(MeetingType type, LocalDate scheduledOn) {
        }

        static final class Plan {
            final PlanType type;
            final CaseRef kase;
            final LocalDate madeOn;
            LocalDate current;
            LocalDate closedOn;

            Plan(PlanType type, CaseRef kase, LocalDate madeOn) {
                this.type = type;
                this.kase = kase;
                this.madeOn = madeOn;
                this.current = madeOn;
            }
        }

        record Change(PlanType type, String kind, LocalDate on) {
        }

        final Map<MeetingRef, Meeting> meetings = new HashMap<>();
        final Map<MeetingRef, LocalDate> held = new HashMap<>();
        final Map<CaseRef, Consent> consent = new HashMap<>();
        /** meeting-service's queue: the meeting a case waits for. */
        final Map<CaseRef, MeetingRef> queued = new HashMap<>();
        final Map<String, Plan> plans = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        final List<MeetingType> heldTypes = new ArrayList<>();
        final List<LocalDate> heldDays = new ArrayList<>();
        final List<MeetingType> reviewTypes = new ArrayList<>();
        final List<LocalDate> reviewDays = new ArrayList<>();

        static Services replay(List<SeedStep> steps) {
            Services s = new Services();
            for (SeedStep step : steps) {
                try {
                    s.apply(step);
                } catch (AssertionError e) {
                    throw new AssertionError(step.describe() + ": " + e.getMessage(), e);
                }
            }
            assertTrue(s.queued.isEmpty(), "cases left waiting on an agenda: " + s.queued.keySet());
            return s;
        }

        void apply(SeedStep step) {
            switch (step) {
                case SeedStep.Meeting m -> {
                    check(meetings.put(m.meeting(), new Meeting(m.type(), m.scheduledOn())) == null, "scheduled twice");
                    check(!m.scheduledOn().isBefore(m.decidedOn()), "scheduled in the past");
                }
                case SeedStep.Referral r -> refer(r);
                case SeedStep.Minutes m -> record(m);
                case SeedStep.NewPlan p -> {
                    check(consent.containsKey(p.kase()), "unknown case");
                    check(p.type() != PlanType.MULTI_AGENCY, "a 多機関協働プラン comes from its meeting's outcome");
                    check(active(p.kase(), p.type()) == null, "the case already has an active " + p.type());
                    check(!plans.containsKey(p.plan().name()), "the plan exists");
                    plans.put(p.plan().name(), new Plan(p.type(), p.kase(), p.madeOn()));
                    changes.add(new Change(p.type(), "made", p.madeOn()));
                }
                case SeedStep.Revision r -> {
                    Plan plan = plans.get(r.plan().name());
                    check(plan != null, "no such plan");
                    revise(plan, r.madeOn());
                }
                case SeedStep.Closure c -> {
                    Plan plan = plans.get(c.plan().name());
                    check(plan != null, "no such plan");
                    close(plan, c.closedOn());
                }
            }
        }

        /** intake → routing (escalated by its concerns, track by consent) → meeting-service's next unheld meeting. */
        void refer(SeedStep.Referral r) {
            check(!consent.containsKey(r.kase()), "referred twice");
            consent.put(r.kase(), r.consent());
            MeetingType track = r.consent() == Consent.GIVEN ? MeetingType.JUUSOU_SHIEN_KAIGI : MeetingType.SHIEN_KAIGI;
            MeetingRef next = meetings.entrySet().stream()
                    .filter(e -> e.getValue().type() == track && !held.containsKey(e.getKey())
                            && !e.getValue().scheduledOn().isBefore(r.receivedOn()))
                    .min(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparing(Meeting::scheduledOn)))
                    .map(Map.Entry::getKey).orElse(null);
            check(r.queuedFor().equals(next), "queued on " + next + ", not on " + r.queuedFor());
            check(r.concerns().stream().anyMatch(c -> Set.of("HIKIKOMORI", "EIGHTY_FIFTY", "HOARDING",
                    "ANIMAL_HOARDING", "ISOLATION", "ADDICTION", "DOUBLE_CARE", "YOUNG_CARER").contains(c)),
                    "an in-between concern escalates the case");
            queued.put(r.kase(), next);
        }

        /** MinutesRules, then planning-service's reading of a 重層的支援会議's outcomes. */
        void record(SeedStep.Minutes m) {
            Meeting meeting = meetings.get(m.meeting());
            check(meeting != null, "no such meeting");
            check(!held.containsKey(m.meeting()), "minutes are recorded once");
            check(meeting.type() == m.type() && meeting.scheduledOn().equals(m.heldOn()), "held on its day");
            Set<CaseRef> agenda = queued.entrySet().stream().filter(e -> e.getValue().equals(m.meeting()))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            check(agenda.equals(new HashSet<>(m.agenda())), "agenda " + agenda + " is not " + m.agenda());
            Set<CaseRef> seen = new LinkedHashSet<>();
            for (SeedStep.Review r : m.reviews()) {
                check(seen.add(r.kase()), "the same case twice in one minutes: " + r.kase());
                check(consent.containsKey(r.kase()), "no such case " + r.kase());
                check(agenda.contains(r.kase()) || (r.reason() != null && !r.reason().isBlank()),
                        "an ad-hoc review needs a reason");
                check(r.reason() == null || r.reason().length() <= 300, "reason too long");
                boolean plan = r.outcome() == Outcome.PLAN || r.outcome() == Outcome.REPLAN;
                if (m.type() == MeetingType.SHIEN_KAIGI) {
                    check(!plan, "a 支援会議 never adopts a plan");
                    check(consent.get(r.kase()) == Consent.NOT_GIVEN, "支援会議 handles cases without consent");
                }
                if (plan) {
                    check(r.planType() != null, "planType required for " + r.outcome());
                    check(consent.get(r.kase()) == Consent.GIVEN, "no plan without consent");
                }
            }
            check(agenda.stream().allMatch(seen::contains), "a case on the agenda was not reviewed (it would be "
                    + "carried over to a later meeting)");
            held.put(m.meeting(), m.heldOn());
            heldTypes.add(m.type());
            heldDays.add(m.heldOn());
            for (SeedStep.Review r : m.reviews()) {
                queued.remove(r.kase());
                reviewTypes.add(m.type());
                reviewDays.add(m.heldOn());
                if (m.type() == MeetingType.JUUSOU_SHIEN_KAIGI) {
                    fromMeeting(r, m.heldOn());
                }
            }
        }

        /** planning-service's StageEventsConsumer: the outcome is the plan change, dated on the meeting day. */
        void fromMeeting(SeedStep.Review r, LocalDate heldOn) {
            PlanType type = r.planType() == null ? PlanType.MULTI_AGENCY : r.planType();
            Plan active = active(r.kase(), type);
            switch (r.outcome()) {
                case PLAN, REPLAN -> {
                    check(r.outcome() == Outcome.PLAN ? active == null : active != null,
                            r.outcome() + " " + (active == null ? "makes a new plan" : "re-plans"));
                    if (active != null) {
                        revise(active, heldOn);
                    } else {
                        plans.put("meeting/" + r.kase().name() + "/" + heldOn, new Plan(type, r.kase(), heldOn));
                        changes.add(new Change(type, "made", heldOn));
                    }
                }
                case CLOSE -> {
                    check(r.planType() != null, "CLOSE without planType closes every plan of the case");
                    check(active != null, "nothing to close");
                    close(active, heldOn);
                }
                default -> {
                }
            }
        }

        void revise(Plan plan, LocalDate madeOn) {
            check(plan.closedOn == null, "a closed plan is not revised");
            check(!madeOn.isBefore(plan.current), "a revision cannot be older than the version it revises");
            plan.current = madeOn;
            changes.add(new Change(plan.type, "made", madeOn));
            changes.add(new Change(plan.type, "replans", madeOn));
        }

        void close(Plan plan, LocalDate closedOn) {
            check(plan.closedOn == null, "already closed");
            check(!closedOn.isBefore(plan.madeOn), "closed before it was made");
            plan.closedOn = closedOn;
            changes.add(new Change(plan.type, "closed", closedOn));
        }

        Plan active(CaseRef kase, PlanType type) {
            return plans.values().stream().filter(p -> p.kase.equals(kase) && p.type == type && p.closedOn == null)
                    .findFirst().orElse(null);
        }

        /** reporting-service's definitions over what the services recorded. */
        Map<String, Integer> cells(SeedTable table) {
            Map<String, Integer> cells = new HashMap<>();
            for (SeedTable.Year y : table.years()) {
                for (MeetingType t : SeedTable.CASE_MEETINGS) {
                    int heldInYear = 0;
                    for (int i = 0; i < heldTypes.size(); i++) {
                        heldInYear += heldTypes.get(i) == t && y.contains(heldDays.get(i)) ? 1 : 0;
                    }
                    int reviews = 0;
                    for (int i = 0; i < reviewTypes.size(); i++) {
                        reviews += reviewTypes.get(i) == t && y.contains(reviewDays.get(i)) ? 1 : 0;
                    }
                    cells.put(SeedTable.cell(y.label(), t, "held"), heldInYear);
                    cells.put(SeedTable.cell(y.label(), t, "casesHandled"), reviews);
                }
                for (PlanType t : PlanType.values()) {
                    for (String figure : List.of("made", "replans", "closed")) {
                        cells.put(SeedTable.cell(y.label(), t, figure), (int) changes.stream()
                                .filter(c -> c.type() == t && c.kind().equals(figure) && y.contains(c.on())).count());
                    }
                }
            }
            return cells;
        }

        static void check(boolean condition, String rule) {
            if (!condition) {
                fail(rule);
            }
        }
    }
}
