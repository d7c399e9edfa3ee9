package jp.tsunagu.infra.seed;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;

import java.time.LocalDate;
import java.util.List;

/**
 * One call of the public API that {@link SeedHistory} plans and {@link SeedLoader} makes. Things made by an earlier
 * step are named by refs; the loader learns their ids from the answers. Every step has a deterministic
 * {@code Idempotency-Key}, so loading twice makes nothing twice.
 */
public sealed interface SeedStep {

    /** The {@code Idempotency-Key} the step's POST carries. */
    String key();

    /** The business date the step happens on; steps are in the order of these dates. */
    LocalDate on();

    /** One line for the progress output. */
    String describe();

    /** A case of the history, e.g. {@code R4-jsk-03}. */
    record CaseRef(String name) {
    }

    /** A meeting of the history, e.g. {@code R4-JUUSOU_SHIEN_KAIGI-2022-05-25}. */
    record MeetingRef(String name) {
    }

    /** A plan of the history, e.g. {@code R4-outreach-05}. */
    record PlanRef(String name) {
    }

    enum Consent { GIVEN, NOT_GIVEN }

    /** The review outcomes of the minutes (contract's {@code ReviewOutcome}). */
    enum Outcome { PLAN, REPLAN, CLOSE, CONTINUE, WATCH, SHARE_INFO }

    /**
     * {@code POST /referrals} by the referring agency. The case's concerns send it to 多機関協働事業, and its
     * consent decides the track: in the history it was on the agenda of {@code queuedFor}, the next meeting of that
     * track. Loaded today, meeting-service queues it on the next meeting from today instead (a meeting of the history
     * is past), and {@code queuedFor}'s minutes review it ad hoc, with its reason.
     */
    record Referral(CaseRef kase, LocalDate receivedOn, String referringAgencyId, Consent consent, String area,
                    int age, List<String> concerns, MeetingRef queuedFor) implements SeedStep {
        public Referral {
            concerns = List.copyOf(concerns);
        }

        @Override
        public String key() {
            return "seed000-referral-" + kase.name();
        }

        @Override
        public LocalDate on() {
            return receivedOn;
        }

        @Override
        public String describe() {
            return "referral " + kase.name() + " received " + receivedOn + " (consent " + consent + ", " + area + ")";
        }
    }

    /** {@code POST /meetings}: the year's meetings are scheduled at its start ({@code decidedOn}). */
    record Meeting(MeetingRef meeting, MeetingType type, LocalDate scheduledOn, LocalDate decidedOn)
            implements SeedStep {
        @Override
        public String key() {
            return "seed000-meeting-" + meeting.name();
        }

        @Override
        public LocalDate on() {
            return decidedOn;
        }

        @Override
        public String describe() {
            return "schedule " + type.label() + " on " + scheduledOn;
        }
    }

    /**
     * {@code POST /meetings/{id}/minutes}. {@code agenda} are the cases referred for this meeting (their first
     * review); the others are reviewed again. Every review carries {@link Review#reason()}: loaded today, none is on
     * the agenda of a meeting of the history.
     */
    record Minutes(MeetingRef meeting, MeetingType type, LocalDate heldOn, List<String> attendees,
                   List<Review> reviews, List<CaseRef> agenda) implements SeedStep {
        public Minutes {
            attendees = List.copyOf(attendees);
            reviews = List.copyOf(reviews);
            agenda = List.copyOf(agenda);
        }

        @Override
        public String key() {
            return "seed000-minutes-" + meeting.name();
        }

        @Override
        public LocalDate on() {
            return heldOn;
        }

        @Override
        public String describe() {
            return "minutes of " + type.label() + " held " + heldOn + " (" + reviews.size()
                    + (reviews.size() == 1 ? " case)" : " cases)");
        }
    }

    /** A case's outcome in minutes; {@code planType} only with PLAN, REPLAN and CLOSE. */
    record Review(CaseRef kase, Outcome outcome, PlanType planType, String reason) {
    }

    /** {@code POST /cases/{caseId}/plans} for an outreach or participation plan, by a coordinator. */
    record NewPlan(PlanRef plan, CaseRef kase, PlanType type, LocalDate madeOn, String agencyId,
                   String responsibility, String goal) implements SeedStep {
        @Override
        public String key() {
            return "seed000-plan-" + plan.name();
        }

        @Override
        public LocalDate on() {
            return madeOn;
        }

        @Override
        public String describe() {
            return type.label() + " " + plan.name() + " made " + madeOn;
        }
    }

    /** {@code POST /plans/{planId}/revisions}: a 再プラン. */
    record Revision(PlanRef plan, PlanType type, LocalDate madeOn, String reason) implements SeedStep {
        @Override
        public String key() {
            return "seed000-revision-" + plan.name() + "-" + madeOn;
        }

        @Override
        public LocalDate on() {
            return madeOn;
        }

        @Override
        public String describe() {
            return type.label() + " " + plan.name() + " re-planned " + madeOn;
        }
    }

    /** {@code POST /plans/{planId}/closure}: 終結. */
    record Closure(PlanRef plan, PlanType type, LocalDate closedOn, String reason) implements SeedStep {
        @Override
        public String key() {
            return "seed000-closure-" + plan.name();
        }

        @Override
        public LocalDate on() {
            return closedOn;
        }

        @Override
        public String describe() {
            return type.label() + " " + plan.name() + " closed " + closedOn;
        }
    }
}
