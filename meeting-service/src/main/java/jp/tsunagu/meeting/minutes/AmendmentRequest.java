package jp.tsunagu.meeting.minutes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code POST /meetings/{meetingId}/minutes/amendments}: a correction of held minutes (議事録の訂正). What it names
 * replaces what the minutes say; what it leaves out stays as it is. The meeting's date is not corrected here.
 */
@Schema(name = "MinutesAmendment")
public record AmendmentRequest(
        @Schema(required = true, description = "Why the minutes are corrected (訂正理由), at most 300 characters")
        String reason,
        @Schema(description = "Not accepted: the day a meeting was held is not corrected by an amendment")
        String heldOn,
        @Schema(description = "Who attended, replacing the list recorded (as in the minutes: {name, agencyId} or "
                + "{name, organisation}, or an agency id); absent or empty: the list recorded stays")
        List<Attendee> attendees,
        @Schema(description = "HH:MM") String startTime,
        @Schema(description = "HH:MM") String endTime,
        @Schema(description = "At most 100 characters") String place,
        @Schema(description = "At most 100 characters") String chair,
        @Schema(description = "The overall notes, replacing those recorded; at most 4000 characters") String notes,
        @Schema(description = "Reviews to correct, by caseId; in each, the fields given replace those recorded "
                + "(reason is not used: an ad-hoc review keeps its reason)")
        List<MinutesRequest.ReviewRequest> reviews,
        @Schema(description = "Households' notes to correct (世帯としての検討内容), by householdId (a household the "
                + "minutes discussed as one item, households[].householdId); the note given replaces the one recorded, "
                + "at most " + HouseholdMinutes.NOTE + " characters; an empty note empties it")
        List<MinutesRequest.HouseholdNoteRequest> households) {

    /** A correction for {@code reason} that changes nothing yet: what it corrects follows with {@code with…}. */
    public static AmendmentRequest because(String reason) {
        return new AmendmentRequest(reason, null, null, null, null, null, null, null, null, null);
    }

    /** Not accepted (the day a meeting was held is not corrected): a request that tries is refused. */
    public AmendmentRequest withHeldOn(String newHeldOn) {
        return new AmendmentRequest(reason, newHeldOn, attendees, startTime, endTime, place, chair, notes, reviews,
                households);
    }

    public AmendmentRequest withAttendees(List<Attendee> newAttendees) {
        return new AmendmentRequest(reason, heldOn, newAttendees, startTime, endTime, place, chair, notes, reviews,
                households);
    }

    /** When it began and ended (null: as recorded). */
    public AmendmentRequest withTimes(String newStartTime, String newEndTime) {
        return new AmendmentRequest(reason, heldOn, attendees, newStartTime, newEndTime, place, chair, notes, reviews,
                households);
    }

    public AmendmentRequest withNotes(String newNotes) {
        return new AmendmentRequest(reason, heldOn, attendees, startTime, endTime, place, chair, newNotes, reviews,
                households);
    }

    public AmendmentRequest withReviews(List<MinutesRequest.ReviewRequest> newReviews) {
        return new AmendmentRequest(reason, heldOn, attendees, startTime, endTime, place, chair, notes, newReviews,
                households);
    }

    public AmendmentRequest withHouseholds(List<MinutesRequest.HouseholdNoteRequest> newHouseholds) {
        return new AmendmentRequest(reason, heldOn, attendees, startTime, endTime, place, chair, notes, reviews,
                newHouseholds);
    }

    @Override
    public String toString() {
        return "AmendmentRequest[reviews " + (reviews == null ? 0 : reviews.size()) + ", text not shown]";
    }
}
