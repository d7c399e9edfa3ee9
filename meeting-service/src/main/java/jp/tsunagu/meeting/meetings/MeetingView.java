package jp.tsunagu.meeting.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.meeting.agenda.CasePack;
import jp.tsunagu.meeting.agenda.Meeting;
import jp.tsunagu.meeting.minutes.Attendee;
import jp.tsunagu.meeting.minutes.MinutesChanges;
import jp.tsunagu.meeting.minutes.MinutesRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /meetings/{meetingId}}: the meeting, its agenda and, once held, its minutes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Meeting")
public record MeetingView(String meetingId, MeetingType type, String typeLabel, LocalDate scheduledOn,
                          @Schema(description = "When it begins as scheduled (Japan time); absent for a meeting "
                                  + "scheduled before meetings had a time", example = "14:00") LocalTime startsAt,
                          @Schema(description = "When it is planned to end", example = "15:30") LocalTime endsAt,
                          @Schema(description = "Where it is held as scheduled (会場)", example = "久留米市役所 401会議室")
                          String place,
                          boolean adHoc,
                          List<String> members, LocalDate heldOn,
                          @Schema(description = "Once held: who attended, as the minutes' current version says")
                          List<AttendeeView> attendees, List<AgendaItem> agenda,
                          @Schema(description = "In the order discussed") List<ReviewView> reviews,
                          @Schema(description = "Once held: time, place, chair and overall notes") Held held,
                          @Schema(description = "Once held: the minutes' current version (1 until corrected)")
                          Integer minutesVersion,
                          @Schema(description = "The corrections of the minutes (議事録の訂正), oldest first; every "
                                  + "version is read with GET /meetings/{meetingId}/minutes/versions")
                          List<Correction> corrections,
                          @Schema(description = "Once held: the households discussed as one item (世帯), each with "
                                  + "its label as it was then and the minutes' note on it (confidential like the "
                                  + "reviews' notes); their members' reviews carry the householdId")
                          List<HouseholdNote> households) {

    /** A household (世帯) the minutes discussed as one item, and what they say of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MinutesHousehold")
    public record HouseholdNote(@Schema(example = "h-6f1c2a9e") String householdId,
                                @Schema(example = "世帯（R8-000001・R8-000007）") String householdLabel,
                                @Schema(example = "世帯としての検討内容") String note) {
    }

    /**
     * A correction of the minutes: which version it made, when, by whom, why, which reviews it changed and what it
     * changed in them and in the meeting's record, before and after.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MinutesCorrection")
    public record Correction(int version, Instant recordedAt,
                             @Schema(description = "The subject of the token that made it (audit)") String recordedBy,
                             @Schema(description = "Who made it, by name (absent for corrections before 2026-12)",
                                     example = "山田 花子") String recordedByName,
                             String reason, List<String> amendedCaseIds,
                             @Schema(description = "What it changed, field by field, before and after, in Japanese")
                             List<MinutesChanges.Change> changes) {

        public static Correction of(Version v) {
            return new Correction(v.version(), v.recordedAt(), v.recordedBy(), v.recordedByName(), v.reason(),
                    v.amendedCaseIds(), v.changes());
        }
    }

    /** One version of the minutes as it stood: {@code GET /meetings/{meetingId}/minutes/versions}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MinutesVersion")
    public record Version(int version, Instant recordedAt, String recordedBy,
                          @Schema(description = "Who recorded or corrected it, by name (absent before 2026-12)",
                                  example = "山田 花子") String recordedByName,
                          @Schema(description = "Why it was corrected; absent for version 1, the recording")
                          String reason, LocalDate heldOn, List<AttendeeView> attendees, Held held,
                          List<String> amendedCaseIds,
                          @Schema(description = "Every review as it stood in this version, in the order discussed")
                          List<ReviewView> reviews,
                          @Schema(description = "What this version changed of the one before (none for version 1)")
                          List<MinutesChanges.Change> changes,
                          @Schema(description = "The households (世帯) discussed as one item, each with its note as "
                                  + "this version stood (absent: none)") List<HouseholdNote> households) {
    }

    /** Who attended: the person, her agency (with its name in the directory) or organisation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AttendeeView")
    public record AttendeeView(@Schema(example = "山田 花子") String name,
                               @Schema(example = "kurume-houkatsu-01") String agencyId,
                               @Schema(example = "地域包括支援センター（サンプル第1）") String agencyName,
                               @Schema(example = "久留米市 地域福祉課") String organisation,
                               @Schema(description = "As the 議事録 prints it: 氏名（機関名）",
                                       example = "山田 花子（地域包括支援センター（サンプル第1））") String display) {

        public static List<AttendeeView> of(List<Attendee> attendees, Function<String, String> agencyName) {
            return attendees.stream().map(a -> {
                String name = a.agencyId() == null ? null : agencyName.apply(a.agencyId());
                return new AttendeeView(a.name(), a.agencyId(), name, a.organisation(), a.display(name));
            }).toList();
        }
    }

    /** A role in a plan: the agency, its name in the directory, and what it takes on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RoleView")
    public record RoleView(String agencyId, String agencyName, String responsibility) {
    }

    /** The minutes' meeting-level record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeetingRecord")
    public record Held(LocalTime startTime, LocalTime endTime, String place, String chair,
                       @Schema(description = "Confidential like the reviews' notes") String notes) {

        public static Held of(MinutesRules.Details d) {
            return new Held(d.startTime(), d.endTime(), d.place(), d.chair(), d.notes());
        }
    }

    /**
     * A case waiting on this meeting's agenda, with its meeting pack: what the meeting needs to prepare, nothing that
     * identifies the person.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgendaItem")
    public record AgendaItem(String caseId,
                             @Schema(description = "The case's 受付番号, as people read and say it; absent for a case "
                                     + "received before case numbers were given", example = "R8-000123")
                             String caseNumber,
                             MeetingType track,
                             @Schema(description = "The referral's 緊急度 (ROUTINE 通常, URGENT 至急, EMERGENCY 緊急)")
                             Urgency urgency, @Schema(example = "至急") String urgencyLabel,
                             @Schema(description = "REGULAR, or EMERGENCY: 危険・緊急 (an ad-hoc 支援会議 now)")
                             EmergencyReview review, String reviewLabel,
                             @Schema(description = "Deprecated: true for 危険・緊急 (review EMERGENCY); read urgency "
                                     + "and review", deprecated = true) boolean urgent,
                             LocalDate queuedOn,
                             @Schema(description = "Days since the case was put on the agenda") Long daysWaiting,
                             AgeBand ageBand, String area, List<Concern> concerns,
                             @Schema(description = "The household's shape: relations, age bands, concerns")
                             List<HouseholdMember> household,
                             String referringAgencyId,
                             @Schema(description = "The referring agency's name in the directory")
                             String referringAgencyName,
                             @Schema(description = "Why routing sent the case to coordination")
                             List<Reason> reasons,
                             @Schema(description = "The case's reviews in earlier meetings; a 支援会議's outcome is "
                                     + "shown to coordinators only (社会福祉法第106条の6)")
                             List<CasePack.EarlierReview> earlierReviews,
                             @Schema(description = "The household (世帯) whose item the case is in: put on the agenda "
                                     + "with it (PUT /households/{householdId}/agenda) or with another member on the "
                                     + "same agenda; its members stand together. Absent: discussed on its own",
                                     example = "h-6f1c2a9e") String householdId,
                             @Schema(description = "The household's members by 受付番号", example = "世帯（R8-000001・"
                                     + "R8-000007）") String householdLabel) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseReview")
    public record ReviewView(String caseId,
                             @Schema(description = "The case's 受付番号, as people read and say it; absent for a case "
                                     + "received before case numbers were given", example = "R8-000123")
                             String caseNumber,
                             String outcome, @Schema(example = "プラン作成") String outcomeLabel,
                             String planType, @Schema(example = "多機関協働プラン") String planTypeLabel,
                             List<RoleView> roles, String note,
                             boolean adHoc, String adHocReason,
                             @Schema(description = "PLAN/REPLAN: the person's wish as the meeting heard it") String wish,
                             @Schema(description = "PLAN/REPLAN: the goals agreed") List<String> goals,
                             @Schema(description = "PLAN/REPLAN: when the plan is next reviewed") LocalDate reviewOn,
                             @Schema(description = "The household (世帯) the case was discussed with as one item "
                                     + "(case-reviewed.householdId); absent: on its own", example = "h-6f1c2a9e")
                             String householdId) {

        /** @see #of(MinutesRules.Review, Map, Function, Map) the review discussed on its own */
        public static ReviewView of(MinutesRules.Review r, Map<String, String> caseNumbers,
                                    Function<String, String> agencyName) {
            return of(r, caseNumbers, agencyName, Map.of());
        }

        /**
         * @param caseNumbers the 受付番号 of the cases that have one, by case id
         * @param agencyName  the directory's name of an agency id (null when it no longer lists it)
         */
        public static ReviewView of(MinutesRules.Review r, Map<String, String> caseNumbers,
                                    Function<String, String> agencyName, Map<String, String> householdOf) {
            return new ReviewView(r.caseId(), caseNumbers.get(r.caseId()), r.outcome().name(), r.outcome().label(),
                    r.planType() == null ? null : r.planType().name(),
                    r.planType() == null ? null : r.planType().label(),
                    r.roles().stream().map(role -> new RoleView(role.agencyId(), agencyName.apply(role.agencyId()),
                            role.responsibility())).toList(),
                    r.note(), r.adHoc(), r.adHocReason(), r.terms().wish(),
                    r.terms().goals().isEmpty() ? null : r.terms().goals(), r.terms().reviewOn(),
                    householdOf.get(r.caseId()));
        }
    }

    /** A line of {@code GET /meetings}: no agenda, no minutes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MeetingSummary")
    public record Summary(String meetingId, MeetingType type, String typeLabel, LocalDate scheduledOn,
                          LocalTime startsAt, LocalTime endsAt, String place, boolean adHoc, LocalDate heldOn) {

        public static Summary of(Meeting m) {
            return new Summary(m.meetingId(), m.type(), m.type().label(), m.scheduledOn(), m.scheduled().startsAt(),
                    m.scheduled().endsAt(), m.scheduled().place(), m.adHoc(), m.heldOn());
        }
    }
}
