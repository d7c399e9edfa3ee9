package jp.tsunagu.intake.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /households/{householdId}}: the household (世帯) as one reader may see it. A member whose case the reader
 * may not follow shows only that it exists, its status and who coordinates it; its plans, meetings and history lines
 * are left out. A person is shown only to a reader allowed to read that member's person.
 */
@Schema(name = "Household")
public record HouseholdView(
        @Schema(example = "h-3f2a9c1e-7b4d-4e8a-9c3d-2f5e8a1b4c6d") String householdId,
        @Schema(example = "402036") String municipality,
        @Schema(description = "世帯（受付番号・受付番号）", example = "世帯（R8-000001・R8-000007）") String label,
        List<Member> members,
        @Schema(description = "Cases taken out of the household (世帯から外した案件)") List<FormerMember> formerMembers,
        @Schema(description = "Referrers, responsible agencies and plan roles of the members the reader may follow")
        List<Agency> agencies,
        @Schema(description = "Plans of followed members; a household plan is one planId") List<Plan> plans,
        @Schema(description = "Meetings where a followed member was reviewed") List<Meeting> meetings,
        @Schema(description = "The followed members' histories merged by recordedAt") List<Line> timeline) {

    @Schema(name = "HouseholdMemberCase")
    public record Member(String caseId,
                         @Schema(example = "R8-000001") String caseNumber,
                         LocalDate linkedOn,
                         @Schema(example = "PLAN_ACTIVE") String status,
                         @Schema(example = "プラン実行中") String statusLabel,
                         @Schema(description = "The agency now responsible for (coordinating) the case")
                         String agencyId,
                         String agencyName,
                         @Schema(description = "The reader may read this member's person") boolean personVisible,
                         @Schema(description = "The person's data was erased (the link is kept)") boolean erased,
                         @Schema(description = "null unless personVisible", nullable = true) Person person) {
    }

    @Schema(name = "HouseholdMemberPerson", nullable = true, description = "null unless the reader may read the person")
    public record Person(@Schema(example = "久留米 花子") String name,
                         @Schema(example = "クルメ ハナコ") String nameKana,
                         @Schema(example = "1946-04-02") String birthDate,
                         @Schema(example = "80") Integer age) {
        @Override
        public String toString() {
            return "Person[redacted]";
        }
    }

    @Schema(name = "HouseholdFormerMember")
    public record FormerMember(String caseId, String caseNumber, LocalDate unlinkedOn) {
    }

    @Schema(name = "HouseholdAgency")
    public record Agency(String agencyId, String agencyName, List<String> caseIds) {
    }

    @Schema(name = "HouseholdPlan")
    public record Plan(String planId, List<String> caseIds, boolean open) {
    }

    @Schema(name = "HouseholdMeeting")
    public record Meeting(String meetingId, String meetingType, String meetingTypeLabel, LocalDate heldOn,
                          List<String> caseIds) {
    }

    @Schema(name = "HouseholdTimelineLine")
    public record Line(String caseId, String caseNumber, String eventType, String statusLabel, String detail,
                       String agencyId, String agencyName, LocalDate businessDate, Instant recordedAt) {
    }
}
