package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A support plan and every version of it: version 1 is the plan as made, each later one a 再プラン. A closed plan
 * (終結) keeps all its versions readable. A household's plan (世帯の支援プラン) is one plan with several subjects, the
 * member cases it covers, each with the member's own wish and roles; the version's wish and roles are then the
 * household's.
 *
 * @param caseId             the case a person's plan is for; for a household's plan, its first subject's case
 * @param adoptedAtMeetingId the 重層的支援会議 that adopted a 多機関協働プラン
 * @param householdId        the household (世帯) whose plan this is; null for a plan of one person's case
 */
public record Plan(String planId, String caseId, String municipality, PlanType type, String adoptedAtMeetingId,
                   List<Version> versions, LocalDate closedOn, String closeReason, String householdId) {

    public Plan {
        versions = List.copyOf(versions);
    }

    /** A plan of one person's case. */
    public Plan(String planId, String caseId, String municipality, PlanType type, String adoptedAtMeetingId,
                List<Version> versions, LocalDate closedOn, String closeReason) {
        this(planId, caseId, municipality, type, adoptedAtMeetingId, versions, closedOn, closeReason, null);
    }

    /**
     * One version.
     *
     * @param wish     本人の願い, in the person's words (叶え合う: the plan is built around it); a household's plan:
     *                 the household's wish (世帯としての願い)
     * @param wishTags the wish as tags for matching participation resources (e.g. running, employment)
     * @param roles    who does what; a household's plan: the roles for the whole household
     * @param reason   why it was revised (null for version 1)
     * @param subjects a household's plan: each member case it covers, in the order given (empty otherwise)
     */
    public record Version(int version, LocalDate madeOn, String reason, String wish, List<String> wishTags,
                          List<String> goals, List<Role> roles, LocalDate reviewOn, List<Subject> subjects) {

        /** Version 1 as a meeting's review makes it: the roles' agencies and the review date, nothing in words. */
        public static Version byMeeting(LocalDate heldOn, List<Role> roles, LocalDate reviewOn) {
            return new Version(1, heldOn, null, null, List.of(), List.of(), roles, reviewOn);
        }

        public Version {
            wishTags = wishTags == null ? List.of() : List.copyOf(wishTags);
            goals = goals == null ? List.of() : List.copyOf(goals);
            roles = roles == null ? List.of() : List.copyOf(roles);
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
        }

        /** A version of a person's plan (no subjects). */
        public Version(int version, LocalDate madeOn, String reason, String wish, List<String> wishTags,
                       List<String> goals, List<Role> roles, LocalDate reviewOn) {
            this(version, madeOn, reason, wish, wishTags, goals, roles, reviewOn, List.of());
        }

        /** The version with these subjects. */
        public Version withSubjects(List<Subject> next) {
            return new Version(version, madeOn, reason, wish, wishTags, goals, roles, reviewOn, next);
        }

        public Optional<Subject> subject(String caseId) {
            return subjects.stream().filter(s -> s.caseId().equals(caseId)).findFirst();
        }
    }

    /**
     * A member case a household's plan covers (対象者).
     *
     * @param wish the member's own wish (本人の願い), in the member's words
     */
    public record Subject(String caseId, String wish, List<String> wishTags, List<Role> roles) {
        public Subject {
            wishTags = wishTags == null ? List.of() : List.copyOf(wishTags);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public Subject withRoles(List<Role> next) {
            return new Subject(caseId, wish, wishTags, next);
        }
    }

    /** A plan as made: running, not closed. */
    public static Plan made(Ref ref, String adoptedAtMeetingId, Version first) {
        return new Plan(ref.planId(), ref.caseId(), ref.municipality(), ref.type(), adoptedAtMeetingId,
                List.of(first), null, null, ref.householdId());
    }

    /**
     * Which plan of which case: what every event about it names.
     *
     * @param caseIds the cases it covers, each announced its own event (a person's plan: its case)
     */
    public record Ref(String planId, String caseId, String municipality, PlanType type, String householdId,
                      List<String> caseIds) {
        public Ref {
            caseIds = caseIds == null || caseIds.isEmpty() ? List.of(caseId) : List.copyOf(caseIds);
        }

        /** A person's plan. */
        public Ref(String planId, String caseId, String municipality, PlanType type) {
            this(planId, caseId, municipality, type, null, List.of(caseId));
        }
    }

    public Ref ref() {
        return new Ref(planId, caseId, municipality, type, householdId, caseIds());
    }

    public boolean isHousehold() {
        return householdId != null;
    }

    /** The cases the plan covers: a household's plan's subjects, else its case. */
    public List<String> caseIds() {
        return isHousehold() && !current().subjects().isEmpty()
                ? current().subjects().stream().map(Subject::caseId).toList() : List.of(caseId);
    }

    public boolean covers(String aCaseId) {
        return caseIds().contains(aCaseId);
    }

    /** The roles for a member case: the member's own and the household's (a person's plan: its roles). */
    public static List<Role> rolesFor(Version v, String aCaseId) {
        List<Role> all = new ArrayList<>(v.subject(aCaseId).map(Subject::roles).orElse(List.of()));
        all.addAll(v.roles());
        return all;
    }

    /** The plan with one more version (a 再プラン): a revised plan runs. */
    Plan revisedTo(Version next) {
        List<Version> all = new ArrayList<>(versions);
        all.add(next);
        return new Plan(planId, caseId, municipality, type, adoptedAtMeetingId, all, closedOn, closeReason,
                householdId);
    }

    /** The plan with its current version replaced (details completed, a member joined: the same version number). */
    Plan withCurrent(Version completed) {
        List<Version> all = new ArrayList<>(versions.subList(0, versions.size() - 1));
        all.add(completed);
        return new Plan(planId, caseId, municipality, type, adoptedAtMeetingId, all, closedOn, closeReason,
                householdId);
    }

    /** A household's plan with one more subject in its current version. */
    Plan joinedBy(Subject subject) {
        List<Subject> next = new ArrayList<>(current().subjects());
        next.add(subject);
        return withCurrent(current().withSubjects(next));
    }

    /** The plan closed (終結) on the day, for the reason. */
    Plan closed(LocalDate on, String reason) {
        return new Plan(planId, caseId, municipality, type, adoptedAtMeetingId, versions, on, reason, householdId);
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public Version current() {
        return versions.get(versions.size() - 1);
    }
}
