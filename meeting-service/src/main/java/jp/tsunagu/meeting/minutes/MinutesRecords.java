package jp.tsunagu.meeting.minutes;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.db.Database;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;

/**
 * The minutes' tables (review, review_version, minutes_version and the meeting's minutes columns). Statements run in
 * the caller's transaction when one is open; the meetings and the cases waiting are agenda's {@code MeetingRecords}.
 */
@ApplicationScoped
public class MinutesRecords {

    private final Database database;

    public MinutesRecords(Database database) {
        this.database = database;
    }

    /** The minutes' meeting-level record (none before the minutes). */
    public Uni<MinutesRules.Details> details(String meetingId) {
        return database.first("select start_time, end_time, place, chair, notes from meeting where meeting_id = $1",
                r -> new MinutesRules.Details(r.getLocalTime("start_time"), r.getLocalTime("end_time"),
                        r.getString("place"), r.getString("chair"), r.getString("notes")), meetingId)
                .map(found -> found.orElse(MinutesRules.Details.NONE));
    }

    /**
     * @param position    the review's place in the order discussed
     * @param householdId the household it was discussed with as one item (null: on its own)
     */
    public Uni<Void> saveReview(String meetingId, MinutesRules.Review r, int position, String householdId) {
        return database.update("""
                        insert into review(meeting_id, case_id, outcome, plan_type, roles_json, note, ad_hoc,
                                           ad_hoc_reason, position, wish, goals_json, review_on, household_id)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                        on conflict (meeting_id, case_id) do nothing""",
                meetingId, r.caseId(), r.outcome().name(), r.planType() == null ? null : r.planType().name(),
                json(r.roles()), r.note(), r.adHoc(), r.adHocReason(), position, r.terms().wish(),
                json(r.terms().goals()), r.terms().reviewOn(), householdId)
                .chain(() -> saveReviewVersion(meetingId, 1, r));
    }

    /** A review as corrected: the current row changes, the version before it stays in review_version. */
    public Uni<Void> amendReview(String meetingId, int version, MinutesRules.Review r) {
        return database.update("""
                        update review set outcome = $3, plan_type = $4, roles_json = $5, note = $6, wish = $7,
                                          goals_json = $8, review_on = $9
                         where meeting_id = $1 and case_id = $2""",
                meetingId, r.caseId(), r.outcome().name(), r.planType() == null ? null : r.planType().name(),
                json(r.roles()), r.note(), r.terms().wish(), json(r.terms().goals()), r.terms().reviewOn())
                .chain(() -> saveReviewVersion(meetingId, version, r));
    }

    private Uni<Void> saveReviewVersion(String meetingId, int version, MinutesRules.Review r) {
        return database.update("""
                        insert into review_version(meeting_id, case_id, version, outcome, plan_type, roles_json, note,
                                                   wish, goals_json, review_on)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        on conflict (meeting_id, case_id, version) do nothing""",
                meetingId, r.caseId(), version, r.outcome().name(), r.planType() == null ? null : r.planType().name(),
                json(r.roles()), r.note(), r.terms().wish(), json(r.terms().goals()), r.terms().reviewOn())
                .replaceWithVoid();
    }

    /** The meeting-level record of a version of the minutes (1: the recording), kept as it was. */
    public Uni<Void> saveMinutesVersion(String meetingId, MinutesVersion v) {
        MinutesRules.Details d = v.details();
        String agencies = String.join(",", Attendee.agencyIds(v.attendees()));
        return database.update("""
                        insert into minutes_version(meeting_id, version, recorded_by, recorded_by_name, reason, held_on,
                                                    attendees, attendees_json, start_time, end_time, place, chair,
                                                    notes, amended_cases)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                        on conflict (meeting_id, version) do nothing""",
                meetingId, v.version(), v.recordedBy(), v.recordedByName(), v.reason(), v.heldOn(), agencies,
                json(v.attendees()), d.startTime(), d.endTime(), d.place(), d.chair(), d.notes(),
                String.join(",", v.amendedCaseIds()))
                .chain(() -> database.update("""
                        update meeting set minutes_version = $2, attendees = $3, start_time = $4, end_time = $5,
                                           place = $6, chair = $7, notes = $8
                         where meeting_id = $1""", meetingId, v.version(), agencies,
                        d.startTime(), d.endTime(), d.place(), d.chair(), d.notes()))
                .replaceWithVoid();
    }

    /** The household each review of the meeting was discussed with, by case id (reviews on their own absent). */
    public Uni<Map<String, String>> reviewHouseholds(String meetingId) {
        return database.list("select case_id, household_id from review where meeting_id = $1 and household_id is not null",
                        r -> Map.entry(r.getString("case_id"), r.getString("household_id")), meetingId)
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The households a version of the minutes discussed as one item, with their labels and notes. */
    public Uni<Void> saveHouseholds(String meetingId, int version, List<HouseholdMinutes.Household> households) {
        if (households.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return database.updateEach("""
                        insert into minutes_household(meeting_id, version, household_id, label, note)
                        values ($1, $2, $3, $4, $5) on conflict (meeting_id, version, household_id) do nothing""",
                households.stream().map(h -> Tuple.tuple(Arrays.asList(meetingId, version, h.householdId(),
                        h.label(), h.note()))).toList());
    }

    /** The households of the minutes as their latest version (up to the current one) keeps them, label order. */
    public Uni<List<HouseholdMinutes.Household>> households(String meetingId) {
        return database.list("""
                        select distinct on (household_id) household_id, label, note from minutes_household
                         where meeting_id = $1 order by household_id, version desc""",
                r -> new HouseholdMinutes.Household(r.getString("household_id"), r.getString("label"),
                        r.getString("note")), meetingId);
    }

    /** Every household note every version of the minutes wrote, oldest version first. */
    public Uni<List<HouseholdMinutes.Versioned>> householdVersions(String meetingId) {
        return database.list("""
                        select version, household_id, label, note from minutes_household
                         where meeting_id = $1 order by version, household_id""",
                r -> new HouseholdMinutes.Versioned(r.getInteger("version"), new HouseholdMinutes.Household(
                        r.getString("household_id"), r.getString("label"), r.getString("note"))), meetingId);
    }

    /** Every version of the meeting's minutes, the first first. */
    public Uni<List<MinutesVersion>> minutesVersions(String meetingId) {
        return database.list("""
                        select version, recorded_at, recorded_by, recorded_by_name, reason, held_on, attendees,
                               attendees_json, start_time, end_time, place, chair, notes, amended_cases
                          from minutes_version where meeting_id = $1 order by version""",
                r -> new MinutesVersion(r.getInteger("version"), r.getOffsetDateTime("recorded_at").toInstant(),
                        r.getString("recorded_by"), r.getString("recorded_by_name"), r.getString("reason"),
                        r.getLocalDate("held_on"), attendeesOf(r), new MinutesRules.Details(
                        r.getLocalTime("start_time"), r.getLocalTime("end_time"), r.getString("place"),
                        r.getString("chair"), r.getString("notes")), list(r.getString("amended_cases"))), meetingId);
    }

    /** The people who attended, as a version recorded them (agencies alone in versions before V9). */
    private static List<Attendee> attendeesOf(Row r) {
        String people = r.getString("attendees_json");
        return people != null ? fromJson(people, new TypeReference<List<Attendee>>() { })
                : list(r.getString("attendees")).stream().map(Attendee::agency).toList();
    }

    /** Every version of every review of the meeting, in the order discussed, each case's versions oldest first. */
    public Uni<List<MinutesVersion.OfReview>> reviewVersions(String meetingId) {
        return database.list("""
                        select v.version, v.case_id, v.outcome, v.plan_type, v.roles_json, v.note, v.wish,
                               v.goals_json, v.review_on, r.ad_hoc, r.ad_hoc_reason
                          from review_version v join review r on r.meeting_id = v.meeting_id and r.case_id = v.case_id
                         where v.meeting_id = $1 order by r.position, v.case_id, v.version""",
                r -> new MinutesVersion.OfReview(r.getInteger("version"), reviewOf(r)), meetingId);
    }

    public Uni<List<MinutesRules.Review>> reviews(String meetingId) {
        return database.list("""
                        select case_id, outcome, plan_type, roles_json, note, ad_hoc, ad_hoc_reason, wish, goals_json,
                               review_on
                          from review
                         where meeting_id = $1 order by position, case_id""",
                MinutesRecords::reviewOf, meetingId);
    }

    private static MinutesRules.Review reviewOf(Row r) {
        String planType = r.getString("plan_type");
        return new MinutesRules.Review(r.getString("case_id"), ReviewOutcome.valueOf(r.getString("outcome")),
                planType == null ? null : PlanType.valueOf(planType),
                fromJson(r.getString("roles_json"), new TypeReference<List<Role>>() {
                }), r.getString("note"), r.getBoolean("ad_hoc"), r.getString("ad_hoc_reason"),
                new MinutesRules.PlanTerms(r.getString("wish"), fromJson(r.getString("goals_json"),
                        new TypeReference<List<String>>() {
                        }), r.getLocalDate("review_on")));
    }
}
