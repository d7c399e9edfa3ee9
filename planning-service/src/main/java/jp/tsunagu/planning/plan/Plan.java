package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A support plan and every version of it: version 1 is the plan as made, each later one a 再プラン. A closed plan
 * (終結) keeps all its versions readable.
 *
 * @param adoptedAtMeetingId the 重層的支援会議 that adopted a 多機関協働プラン
 */
public record Plan(String planId, String caseId, String municipality, PlanType type, String adoptedAtMeetingId,
                   List<Version> versions, LocalDate closedOn, String closeReason) {

    public Plan {
        versions = List.copyOf(versions);
    }

    /**
     * One version.
     *
     * @param wish     本人の願い, in the person's words (叶え合う: the plan is built around it)
     * @param wishTags the wish as tags for matching participation resources (e.g. running, employment)
     * @param reason   why it was revised (null for version 1)
     */
    public record Version(int version, LocalDate madeOn, String reason, String wish, List<String> wishTags,
                          List<String> goals, List<Role> roles, LocalDate reviewOn) {

        /** Version 1 as a meeting's review makes it: the roles' agencies and the review date, nothing in words. */
        public static Version byMeeting(LocalDate heldOn, List<Role> roles, LocalDate reviewOn) {
            return new Version(1, heldOn, null, null, List.of(), List.of(), roles, reviewOn);
        }

        public Version {
            wishTags = wishTags == null ? List.of() : List.copyOf(wishTags);
            goals = goals == null ? List.of() : List.copyOf(goals);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** A plan as made: running, not closed. */
    public static Plan made(Ref ref, String adoptedAtMeetingId, Version first) {
        return new Plan(ref.planId(), ref.caseId(), ref.municipality(), ref.type(), adoptedAtMeetingId,
                List.of(first), null, null);
    }

    /** Which plan of which case: what every event about it names. */
    public record Ref(String planId, String caseId, String municipality, PlanType type) {
    }

    public Ref ref() {
        return new Ref(planId, caseId, municipality, type);
    }

    /** The plan with one more version (a 再プラン): a revised plan runs. */
    Plan revisedTo(Version next) {
        List<Version> all = new ArrayList<>(versions);
        all.add(next);
        return new Plan(planId, caseId, municipality, type, adoptedAtMeetingId, all, closedOn, closeReason);
    }

    /** The plan with its current version replaced (details completed: the same version number). */
    Plan withCurrent(Version completed) {
        List<Version> all = new ArrayList<>(versions.subList(0, versions.size() - 1));
        all.add(completed);
        return new Plan(planId, caseId, municipality, type, adoptedAtMeetingId, all, closedOn, closeReason);
    }

    /** The plan closed (終結) on the day, for the reason. */
    Plan closed(LocalDate on, String reason) {
        return new Plan(planId, caseId, municipality, type, adoptedAtMeetingId, versions, on, reason);
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public Version current() {
        return versions.get(versions.size() - 1);
    }
}
