package jp.tsunagu.meeting.agenda;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

/**
 * A case waiting for a review ({@code GET /agenda/waiting}, {@code PUT /cases/{caseId}/agenda}): its 受付番号, track,
 * the meeting whose agenda it is on (none: no meeting of its track is scheduled, a coordinator chooses one), and what
 * a coordinator needs to choose; nothing that identifies the person.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WaitingCase")
public record WaitingCase(String caseId,
                          @Schema(description = "The case's 受付番号; absent for a case received before case "
                                  + "numbers were given", example = "R8-000123") String caseNumber,
                          @Schema(description = "The meeting type it waits for") MeetingType track,
                          String trackLabel,
                          @Schema(description = "The person's consent as last recorded (重層的支援会議 needs GIVEN)")
                          Consent consent,
                          @Schema(description = "The referral's 緊急度 (ROUTINE 通常, URGENT 至急, EMERGENCY 緊急), kept "
                                  + "through declines; a 至急 case is discussed within the city's urgent window")
                          Urgency urgency,
                          @Schema(example = "至急") String urgencyLabel,
                          @Schema(description = "REGULAR: the track's meetings; EMERGENCY: 危険・緊急, an ad-hoc 支援会議 now")
                          EmergencyReview review,
                          @Schema(example = "危険・緊急（臨時の支援会議）") String reviewLabel,
                          @Schema(description = "Deprecated: true for 危険・緊急 (review EMERGENCY), as before; read "
                                  + "urgency and review", deprecated = true)
                          boolean urgent, LocalDate queuedOn,
                          @Schema(description = "Days since it was queued") Long daysWaiting,
                          @Schema(description = "The meeting whose agenda it is on; absent while none is chosen")
                          String meetingId,
                          LocalDate meetingScheduledOn, LocalTime meetingStartsAt,
                          @Schema(description = "Whether that meeting is ad hoc") Boolean meetingAdHoc,
                          AgeBand ageBand, String area, List<Concern> concerns,
                          String referringAgencyId, String referringAgencyName) {

    /**
     * @param pack       the case's pack (null when its referral was never seen here)
     * @param meeting    the meeting it is on (null when none)
     * @param agencyName the directory's name of an agency id
     */
    static WaitingCase of(CaseTrack t, CasePack pack, Meeting meeting, LocalDate today,
                          Function<String, String> agencyName) {
        return new WaitingCase(t.caseId(), pack == null ? null : pack.caseNumber(), t.track(),
                t.track() == null ? null : t.track().label(), t.consent(), t.urgency(), t.urgency().label(),
                t.review(), t.review().label(), t.emergency(), t.queuedOn(),
                AgendaChoices.daysSince(t.queuedOn(), today), t.meetingId(),
                meeting == null ? null : meeting.scheduledOn(), meeting == null ? null : meeting.scheduled().startsAt(),
                meeting == null ? null : meeting.adHoc(),
                pack == null ? null : pack.ageBand(), pack == null ? null : pack.area(),
                pack == null ? List.of() : pack.concerns(), pack == null ? null : pack.referringAgencyId(),
                pack == null || pack.referringAgencyId() == null ? null : agencyName.apply(pack.referringAgencyId()));
    }
}
