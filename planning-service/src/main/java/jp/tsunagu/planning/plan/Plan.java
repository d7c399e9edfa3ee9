package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.Role;

import java.time.LocalDate;
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
        public Version {
            wishTags = wishTags == null ? List.of() : List.copyOf(wishTags);
            goals = goals == null ? List.of() : List.copyOf(goals);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public Version current() {
        return versions.get(versions.size() - 1);
    }
}
