package jp.tsunagu.planning.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code GET /plans/{planId}}: the plan with every version (version 1 as made, later ones 再プラン). A household's plan
 * (世帯の支援プラン) names its household and its subjects, the member cases it covers; a subject's own words (wish,
 * wish tags) are shown only to a reader who may read that member's case, others see its case id and roles only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Plan")
public record PlanView(String planId, String caseId, PlanType type, String typeLabel,
                       @Schema(enumeration = {"ACTIVE", "CLOSED"}) String status, String adoptedAtMeetingId,
                       int currentVersion, List<Plan.Version> versions, LocalDate closedOn, String closeReason,
                       @Schema(description = "The household (世帯) whose plan this is; absent for a person's plan")
                       String householdId,
                       @Schema(description = "The cases the plan covers, as of its current version (a person's "
                               + "plan: one subject, its case); wish and wishTags only where the reader may read "
                               + "that member's case")
                       List<SubjectView> subjects,
                       @Schema(description = "世帯としての願い (a household's plan)") String householdWish,
                       @Schema(description = "Roles for the whole household (a household's plan)")
                       List<Role> householdRoles) {

    /** A subject of the plan: a member case, its own wish and the roles for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PlanSubject")
    public record SubjectView(String caseId, @Schema(description = "本人の願い; absent when not readable") String wish,
                              List<String> wishTags, List<Role> roles) {
    }

    /** The plan as a reader who may read every subject's words sees it (coordinators, a person's plan). */
    static PlanView of(Plan p) {
        return of(p, c -> true);
    }

    /** The plan, each subject's own words shown only where {@code wishReadable} holds for its case. */
    static PlanView of(Plan p, Predicate<String> wishReadable) {
        List<Plan.Version> versions = p.versions().stream().map(v -> v.withSubjects(v.subjects().stream()
                .map(s -> wishReadable.test(s.caseId()) ? s : new Plan.Subject(s.caseId(), null, List.of(),
                        s.roles())).toList())).toList();
        Plan.Version current = versions.getLast();
        List<SubjectView> subjects = p.isHousehold()
                ? current.subjects().stream().map(s -> new SubjectView(s.caseId(), s.wish(),
                wishReadable.test(s.caseId()) ? s.wishTags() : null, s.roles())).toList()
                : List.of(new SubjectView(p.caseId(), current.wish(), current.wishTags(), current.roles()));
        return new PlanView(p.planId(), p.caseId(), p.type(), p.type().label(), p.isClosed() ? "CLOSED" : "ACTIVE",
                p.adoptedAtMeetingId(), current.version(), versions, p.closedOn(), p.closeReason(), p.householdId(),
                subjects, p.isHousehold() ? current.wish() : null, p.isHousehold() ? current.roles() : null);
    }
}
