package jp.tsunagu.meeting.meetings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code POST /meetings}: an ad-hoc meeting (regular ones come from the municipality's calendar), when and where it is
 * held, who is invited, and the cases the coordinator puts on its agenda (an ad-hoc meeting takes no others).
 */
@Schema(name = "NewMeeting")
public record NewMeeting(
        @Schema(required = true, enumeration = {"JUUSOU_SHIEN_KAIGI", "SHIEN_KAIGI", "KOUCHIKU_KAI", "DAIHYOUSHA_KAIGI"})
        String type,
        @Schema(required = true, description = "YYYY-MM-DD") String scheduledOn,
        @Schema(required = true, description = "When it begins, HH:MM (Japan time)", example = "14:00")
        String startsAt,
        @Schema(description = "When it is planned to end, HH:MM, after startsAt", example = "15:30") String endsAt,
        @Schema(required = true, description = "Where it is held (会場), at most 100 characters; told to the members "
                + "invited", example = "久留米市役所 401会議室") String place,
        @Schema(description = "Agency ids invited; with coordinators they may read a 支援会議's material")
        List<String> members,
        @Schema(description = "Case ids to put on its agenda (PUT /cases/{caseId}/agenda's rules, each: waiting "
                + "for a meeting, of this meeting's track); an ad-hoc meeting takes no case by itself")
        List<String> cases) {

}
