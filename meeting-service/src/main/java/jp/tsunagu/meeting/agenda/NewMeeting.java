package jp.tsunagu.meeting.agenda;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code POST /meetings}: an ad-hoc meeting (regular ones come from the municipality's calendar). */
@Schema(name = "NewMeeting")
public record NewMeeting(
        @Schema(required = true, enumeration = {"JUUSOU_SHIEN_KAIGI", "SHIEN_KAIGI", "KOUCHIKU_KAI", "DAIHYOUSHA_KAIGI"})
        String type,
        @Schema(required = true, description = "YYYY-MM-DD") String scheduledOn,
        @Schema(description = "Agency ids invited; with coordinators they may read a 支援会議's material")
        List<String> members) {
}
