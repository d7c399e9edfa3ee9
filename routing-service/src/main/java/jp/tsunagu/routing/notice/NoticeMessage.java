package jp.tsunagu.routing.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

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
    public record Data(String caseId, String municipality, String agencyId,
                       @Schema(description = "The NoticeType code: case-routed, answer-due, …") String notice,
                       @Schema(description = "What happened, in Japanese") String what,
                       String whatEn, boolean urgent,
                       @Schema(description = "The answer's deadline, the plan's review date") LocalDate dueOn,
                       @Schema(description = "The plan (planning-service GET /plans/{reference}) or meeting "
                               + "(meeting-service GET /meetings/{reference}) it concerns") String reference,
                       LocalDate businessDate,
                       @Schema(description = "Where routing-service shows the rest, with your agency's token")
                       String link) {
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
            case CASE_ROUTED, ANSWER_DUE, CASE_TAKEN_AWAY -> publicUrl + "/cases/" + n.caseId() + "/routing";
            case PLAN_ROLE, PLAN_REVIEW_DUE, MEETING_INVITATION -> null;
        };
        return new NoticeMessage("1.0", n.id(), "/tsunagu/routing-service", n.type().ceType(),
                n.type().aboutACase() ? n.caseId() : n.reference(),
                n.createdAt(), "application/json", new Data(n.caseId(), n.municipality(), n.agencyId(),
                n.type().code(), n.type().labelJa(), n.type().labelEn(), n.urgent(), n.dueOn(), n.reference(),
                n.on(), link));
    }
}
