package jp.tsunagu.routing.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.codes.Wareki;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * A notice as sent: a CloudEvent in structured JSON mode, the same on a webhook and on the inbox feed. No personal
 * data: the case id, what happened, by when, and a link to read the rest with the agency's own token.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"})
@Schema(name = "Notice")
public record NoticeMessage(String specversion, String id, String source, String type, String subject, Instant time,
                            String datacontenttype, Data data) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NoticeData")
    public record Data(String caseId,
                       @Schema(description = "The case's 受付番号, as people read and say it; absent for a case "
                               + "received before case numbers were given", example = "R8-000123")
                       String caseNumber,
                       String municipality,
                       @Schema(description = "The agency told") String agencyId,
                       @Schema(description = "The NoticeType code: case-routed, answer-due, case-taken-away, "
                               + "meeting-invitation, plan-role, plan-review-due; to the agency that referred the "
                               + "case: referral-accepted, referral-declined, referral-passed-on, referral-escalated",
                               example = "referral-declined") String notice,
                       @Schema(description = "What happened, in Japanese") String what,
                       String whatEn,
                       @Deprecated
                       @Schema(deprecated = true, description = "Deprecated: true when the referral's urgency is "
                               + "URGENT (至急); read urgency") boolean urgent,
                       @Schema(description = "The referral's urgency (緊急度) when the notice was made: ROUTINE "
                               + "(通常), URGENT (至急: a shorter time to answer), EMERGENCY (緊急); absent for notices "
                               + "about no case and for notices made before 2026-12") Urgency urgency,
                       @Schema(description = "referral-escalated: EMERGENCY (危険・緊急: an ad-hoc 支援会議 now) or "
                               + "REGULAR (the track's next regular meeting)") EmergencyReview review,
                       @Schema(description = "The answer's deadline, the plan's review date") LocalDate dueOn,
                       @Schema(description = "The plan (planning-service GET /plans/{reference}) or meeting "
                               + "(meeting-service GET /meetings/{reference}) it concerns") String reference,
                       LocalDate businessDate,
                       @Schema(description = "Where routing-service shows the rest, with your agency's token")
                       String link,
                       @Schema(description = "referral-declined: why the agency declined, in its own words (told "
                               + "only to the referring agency; written over once the person is erased)",
                               example = "当センターの担当圏域外のため（善導寺圏域の包括が担当）") String reason,
                       @Schema(description = "referral-passed-on: the agency the case went to next; "
                               + "referral-accepted: the agency that accepted it", example = "kurume-houkatsu-02")
                       String toAgencyId,
                       @Schema(description = "That agency's name in the municipality's directory",
                               example = "地域包括支援センター（サンプル第2）") String toAgencyName,
                       @Schema(description = "meeting-invitation: when the meeting begins (Japan time; dueOn is its "
                               + "day); absent when not said", example = "14:00") LocalTime startsAt,
                       @Schema(description = "meeting-invitation: where it is held (会場)",
                               example = "久留米市役所 401会議室") String place) {
    }

    /** The notice as JSON text, as a webhook and the feed send it. */
    public static String json(ObjectMapper json, NoticeRecords.Stored n, String publicUrl) {
        try {
            return json.writeValueAsString(of(n, publicUrl));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notice", e);
        }
    }

    public static NoticeMessage of(NoticeRecords.Stored n, String publicUrl) {
        // a meeting is read at meeting-service (GET /meetings/{reference}); a plan at planning-service
        String link = switch (n.type()) {
            case CASE_ROUTED, ANSWER_DUE, CASE_TAKEN_AWAY, REFERRAL_ACCEPTED, REFERRAL_DECLINED, REFERRAL_PASSED_ON,
                 REFERRAL_ESCALATED -> publicUrl + "/cases/" + n.caseId() + "/routing";
            case PLAN_ROLE, PLAN_REVIEW_DUE, MEETING_INVITATION -> null;
        };
        return new NoticeMessage("1.0", n.id(), "/tsunagu/routing-service", n.type().ceType(),
                n.type().aboutACase() ? n.caseId() : n.reference(),
                n.createdAt(), "application/json", new Data(n.caseId(), n.caseNumber(), n.municipality(),
                n.agencyId(), n.type().code(), what(n), n.type().labelEn(), n.urgent(), n.urgency(), n.review(),
                n.dueOn(),
                n.reference(), n.on(), link, n.reason(), n.toAgencyId(), n.toAgencyName(), n.startsAt(), n.place()));
    }

    /**
     * What happened, in Japanese: an invitation says when and where (令和8年12月10日 14:00〜、久留米市役所 401会議室),
     * as far as the meeting says it.
     */
    static String what(NoticeRecords.Stored n) {
        if (n.type() != NoticeType.MEETING_INVITATION || n.dueOn() == null) {
            return n.type().labelJa();
        }
        return n.type().labelJa() + "（" + Wareki.format(n.dueOn())
                + (n.startsAt() == null ? "" : " " + n.startsAt().format(DateTimeFormatter.ofPattern("H:mm")) + "〜")
                + (n.place() == null ? "" : "、" + n.place()) + "）";
    }
}
