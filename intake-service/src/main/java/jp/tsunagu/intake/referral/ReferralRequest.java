package jp.tsunagu.intake.referral;

import jp.tsunagu.contract.codes.Concern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code POST /referrals} as a partner agency sends it. Codes arrive as strings, and ages and the flag
 * as whatever JSON was sent, so that every bad value (a code in the wrong case, an age written "七十") is named in one
 * answer instead of failing on the first.
 */
@Schema(name = "ReferralRequest", description = "A consultation referred to the city's multi-layered support system")
public record ReferralRequest(
        @Schema(description = "Referring agency id (see routing-service GET /agencies). Agency tokens may only name "
                + "their own agency; defaults to it.", example = "kurume-houkatsu-01")
        String referringAgencyId,
        @Schema(description = "Business date the consultation was received (YYYY-MM-DD, Asia/Tokyo). Defaults to today; "
                + "never in the future.", example = "2024-05-14")
        String receivedOn,
        @Schema(required = true, enumeration = {"AGENCY", "OUTREACH", "WALK_IN", "PHONE", "SUPPORT_MEETING"})
        String channel,
        @Schema(required = true)
        PersonRequest person,
        @Schema(description = "Members of the person's household (at most 20)")
        List<HouseholdMemberRequest> household,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Concern.class,
                description = "At least one concern code (課題), e.g. HIKIKOMORI, EIGHTY_FIFTY, DEMENTIA; their Japanese "
                        + "labels are in GET /reports/cases' labels")
        List<String> concerns,
        @Schema(required = true, enumeration = {"GIVEN", "NOT_GIVEN", "UNKNOWN"})
        String consent,
        @Schema(required = true, enumeration = {"ROUTINE", "URGENT", "EMERGENCY"})
        String urgency,
        @Schema(description = "Free text, at most 2000 characters. Personal: stored only encrypted.")
        String summary,
        @Schema(implementation = Boolean.class,
                description = "The person cannot be reached or will not come (a candidate for outreach)")
        Object hardToReach) {

    /** The person consulted about. Every field but {@code area} and the age is personal and travels encrypted. */
    @Schema(name = "Person")
    public record PersonRequest(
            @Schema(required = true, description = "Full name, 1-100 characters", example = "久留米 太郎") String name,
            @Schema(description = "Name in kana", example = "クルメ タロウ") String nameKana,
            @Schema(description = "YYYY-MM-DD or 和暦 (昭和19年4月2日, S19.4.2, 令和元年5月1日), stored as YYYY-MM-DD; "
                    + "birthDate or age is required", example = "1944-04-02") String birthDate,
            @Schema(implementation = Integer.class, description = "Age in years, 0-130; birthDate or age is required")
            Object age,
            String address,
            @Schema(required = true, description = "Area name from the municipality's directory (校区 / 圏域)",
                    example = "荒木") String area,
            @Schema(description = "Digits, spaces, +, -, ( and ), 6-20 characters; full-width digits and dashes "
                    + "(０９０−１２３４−５６７８) are read as 090-1234-5678") String phone) {
        @Override
        public String toString() {
            return "PersonRequest[area=" + area + ", personal fields not shown]";
        }
    }

    @Schema(name = "HouseholdMember")
    public record HouseholdMemberRequest(
            @Schema(required = true,
                    enumeration = {"PARENT", "CHILD", "SPOUSE", "SIBLING", "GRANDPARENT", "GRANDCHILD", "OTHER"})
            String relation,
            @Schema(implementation = Integer.class, description = "Age in years, 0-130") Object age,
            @Schema(type = SchemaType.ARRAY, implementation = Concern.class) List<String> concerns,
            @Schema(description = "氏名 of the member, 1-100 characters. Personal: sealed with the person's data, "
                    + "never in an event", example = "久留米 一郎") String name,
            @Schema(description = "ふりがな of the member: with the birth date (or age) it finds the member's own "
                    + "case (世帯候補)", example = "クルメ イチロウ") String nameKana,
            @Schema(description = "YYYY-MM-DD or 和暦 like the person's; must agree with age when both are given",
                    example = "昭和44年5月1日") String birthDate) {

        /** The shape only (what a referral sent before issue 30). */
        public HouseholdMemberRequest(String relation, Object age, List<String> concerns) {
            this(relation, age, concerns, null, null, null);
        }

        @Override
        public String toString() {
            return "HouseholdMemberRequest[" + relation + ", personal fields not shown]";
        }
    }
}
