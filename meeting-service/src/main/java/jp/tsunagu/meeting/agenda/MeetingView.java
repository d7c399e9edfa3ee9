package jp.tsunagu.meeting.agenda;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.events.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /meetings/{meetingId}}: the meeting, its agenda and, once held, its minutes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Meeting")
public record MeetingView(String meetingId, MeetingType type, String typeLabel, LocalDate scheduledOn, boolean adHoc,
                          List<String> members, LocalDate heldOn, List<String> attendees, List<AgendaItem> agenda,
                          List<ReviewView> reviews) {

    /** A case waiting on this meeting's agenda. */
    @Schema(name = "AgendaItem")
    public record AgendaItem(String caseId, MeetingType track, boolean urgent, LocalDate queuedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseReview")
    public record ReviewView(String caseId, String outcome, String planType, List<Role> roles, String note,
                             boolean adHoc, String adHocReason) {
    }

    /** A line of {@code GET /meetings}: no agenda, no minutes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeetingSummary")
    public record Summary(String meetingId, MeetingType type, String typeLabel, LocalDate scheduledOn, boolean adHoc,
                          LocalDate heldOn) {
    }
}
