package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.codes.MeetingType;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting as meeting-service keeps it. {@code heldOn} is null until its minutes are recorded.
 *
 * @param scheduled when and where it is held, as scheduled (the minutes say how it was held)
 * @param attendees the agencies that attended, as the minutes say (who may read its material)
 */
public record Meeting(String meetingId, String municipality, MeetingType type, LocalDate scheduledOn, boolean adHoc,
                      List<String> members, LocalDate heldOn, List<String> attendees, WhenAndWhere scheduled) {

    public Meeting {
        scheduled = scheduled == null ? WhenAndWhere.NONE : scheduled;
    }

    public boolean hasCaseAgenda() {
        return type.reviewsCases();
    }

    /** Invited or attended: may read the meeting's confidential material. */
    public boolean includes(String agencyId) {
        return agencyId != null && (members.contains(agencyId) || attendees.contains(agencyId));
    }
}
