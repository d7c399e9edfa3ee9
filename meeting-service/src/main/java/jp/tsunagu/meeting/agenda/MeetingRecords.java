package jp.tsunagu.meeting.agenda;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.Reason;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.erasure.ErasedCases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;

/** meeting-service's meetings, case tracks and packs (V2__meeting.sql; the minutes' tables are MinutesRecords's). Statements run in the caller's transaction when one is open. */
@ApplicationScoped
public class MeetingRecords {

    private static final String MEETING_COLUMNS =
            "meeting_id, municipality, type, scheduled_on, ad_hoc, members, held_on, attendees, starts_at, ends_at, "
                    + "scheduled_place ";
    private static final String TRACK_COLUMNS =
            "case_id, municipality, consent, track, meeting_id, queued, urgency, review, queued_on, joined ";

    /** What an erased free text reads as. */
    public static final String ERASED = ErasedCases.WRITTEN_OVER;

    private final Database database;
    private final ErasedCases erased;

    public MeetingRecords(Database database, ErasedCases erased) {
        this.database = database;
        this.erased = erased;
    }

    /**
     * The person's data was erased (DELETE /persons): the confidential note, the ad-hoc reason, the wish, the goals and
     * the roles' responsibilities of every review of the case, in every version of the minutes, are written over, since
     * they may describe the person, and so are the overall notes, household notes (世帯) and correction reasons of the
     * meetings that discussed it; the case is remembered as erased (text about it is refused from then on). Outcomes and agencies stay.
     */
    public Uni<Void> eraseCase(String caseId) {
        return database.update("""
                        update review set note = case when note is null then null else $1::varchar end,
                                          ad_hoc_reason = case when ad_hoc_reason is null then null else $1::varchar end,
                                          wish = case when wish is null then null else $1::varchar end,
                                          goals_json = '[]', roles_json = """ + ErasedCases.rolesWrittenOver("roles_json", "$1") + """
                         where case_id = $2""",
                ERASED, caseId).chain(() -> database.update("""
                        update review_version set note = case when note is null then null else $1::varchar end,
                                                  wish = case when wish is null then null else $1::varchar end,
                                                  goals_json = '[]', roles_json = """ + ErasedCases.rolesWrittenOver("roles_json", "$1") + """
                         where case_id = $2""", ERASED, caseId))
                // the overall notes and the corrections' reasons are about every case the meeting discussed, so
                // they may name this person too: written over in every meeting (and version) that reviewed the case
                .chain(() -> database.update("""
                        update meeting set notes = case when notes is null then null else $1::varchar end
                         where meeting_id in (select meeting_id from review_version where case_id = $2)""",
                        ERASED, caseId))
                .chain(() -> database.update("""
                        update minutes_version
                           set notes = case when notes is null then null else $1::varchar end,
                               reason = case when reason is null then null else $1::varchar end
                         where meeting_id in (select meeting_id from review_version where case_id = $2)""",
                        ERASED, caseId))
                // a household's note (世帯) is about its members as the overall notes are about the cases: the same
                .chain(() -> database.update("""
                        update minutes_household set note = case when note is null then null else $1::varchar end
                         where meeting_id in (select meeting_id from review_version where case_id = $2)""",
                        ERASED, caseId))
                .chain(() -> erased.record(caseId));
    }

    /** True when the meeting was new. */
    public Uni<Boolean> insertMeeting(Meeting m) {
        return database.update("""
                        insert into meeting(meeting_id, municipality, type, scheduled_on, ad_hoc, members, starts_at,
                                            ends_at, scheduled_place)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (meeting_id) do nothing""",
                m.meetingId(), m.municipality(), m.type().name(), m.scheduledOn(), m.adHoc(),
                String.join(",", m.members()), m.scheduled().startsAt(), m.scheduled().endsAt(),
                m.scheduled().place()).map(rows -> rows == 1);
    }

    public Uni<Optional<Meeting>> meeting(String meetingId) {
        return database.first("select " + MEETING_COLUMNS + " from meeting where meeting_id = $1",
                MeetingRecords::meetingOf, meetingId);
    }

    /** The meeting, locked until the transaction ends: concurrent minutes for it queue up and the second finds it held. */
    public Uni<Optional<Meeting>> meetingForUpdate(String meetingId) {
        return database.first("select " + MEETING_COLUMNS + " from meeting where meeting_id = $1 for update",
                MeetingRecords::meetingOf, meetingId);
    }

    public Uni<List<Meeting>> meetings(String municipality, LocalDate from, LocalDate to, MeetingType type) {
        return database.list("select " + MEETING_COLUMNS + """
                         from meeting where municipality = $1 and scheduled_on between $2 and $3
                          and ($4::varchar = '' or type = $4) order by scheduled_on, type, meeting_id""",
                MeetingRecords::meetingOf, municipality, from, to, type == null ? "" : type.name());
    }

    /** The given meetings, by id. */
    public Uni<Map<String, Meeting>> meetingsById(Collection<String> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return database.list("select " + MEETING_COLUMNS + " from meeting where meeting_id = any($1)",
                        MeetingRecords::meetingOf, (Object) meetingIds.toArray(String[]::new))
                .map(rows -> rows.stream().collect(Collectors.toMap(Meeting::meetingId, m -> m)));
    }

    /**
     * The next meetings of {@code type} not yet held, on or after {@code from}: the first regular one and the first
     * ad-hoc one (whichever exist), in date order; which of them a case may join is {@code AgendaDecider}'s.
     */
    public Uni<List<Meeting>> nextOfEachKind(String municipality, MeetingType type, LocalDate from) {
        return database.list("select * from (select distinct on (ad_hoc) " + MEETING_COLUMNS + """
                         from meeting where municipality = $1 and type = $2 and held_on is null and scheduled_on >= $3
                         order by ad_hoc, scheduled_on, meeting_id) next order by scheduled_on, meeting_id""",
                MeetingRecords::meetingOf, municipality, type.name(), from);
    }

    public Uni<Void> setMembers(String meetingId, List<String> members) {
        return database.update("update meeting set members = $1 where meeting_id = $2",
                String.join(",", members), meetingId).replaceWithVoid();
    }

    /** The meeting was held; its record is written with the minutes' first version (MinutesRecords.saveMinutesVersion). */
    public Uni<Void> markHeld(String meetingId, LocalDate heldOn) {
        return database.update("update meeting set held_on = $1 where meeting_id = $2", heldOn, meetingId)
                .replaceWithVoid();
    }

    public Uni<Optional<CaseTrack>> track(String caseId) {
        return database.first("select " + TRACK_COLUMNS + " from case_track where case_id = $1",
                MeetingRecords::trackOf, caseId);
    }

    public Uni<List<CaseTrack>> agenda(String meetingId) {
        return database.list("select " + TRACK_COLUMNS
                        + " from case_track where meeting_id = $1 and queued order by queued_on, case_id",
                MeetingRecords::trackOf, meetingId);
    }

    /**
     * The municipality's cases waiting for a review (of one track, or of both when {@code track} is null): those no
     * meeting is scheduled for first, then by the day they were queued. At most {@code limit}.
     */
    public Uni<List<CaseTrack>> waiting(String municipality, MeetingType track, int limit) {
        return database.list("select " + TRACK_COLUMNS + """
                         from case_track where municipality = $1 and queued and ($2::varchar = '' or track = $2)
                         order by meeting_id is not null, queued_on, case_id limit $3""",
                MeetingRecords::trackOf, municipality, track == null ? "" : track.name(), limit);
    }

    /** Cases not known before, in one pipelined statement; a case already known keeps its row. */
    public Uni<Void> saveNewTracks(List<CaseTrack> tracks) {
        return database.updateEach("insert into case_track(" + TRACK_COLUMNS + """
                        ) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (case_id) do nothing""",
                tracks.stream().map(MeetingRecords::row).toList());
    }

    public Uni<Void> saveTrack(CaseTrack t) {
        return database.updateEach("insert into case_track(" + TRACK_COLUMNS + """
                        ) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        on conflict (case_id) do update set consent = excluded.consent, track = excluded.track,
                            joined = case_track.joined or excluded.joined,
                            meeting_id = excluded.meeting_id, queued = excluded.queued, urgency = excluded.urgency,
                            review = excluded.review,
                            queued_on = excluded.queued_on""",
                List.of(row(t)));
    }

    private static Tuple row(CaseTrack t) {
        return Tuple.tuple(Arrays.asList(t.caseId(), t.municipality(), t.consent().name(),
                t.track() == null ? null : t.track().name(), t.meetingId(), t.queued(), t.urgency().name(),
                t.review().name(), t.queuedOn(), t.joined()));
    }

    /** The referrals' facts of new cases (a case's pack keeps the reasons an escalation gave it). */
    public Uni<Void> savePacks(List<CasePack> packs) {
        return database.updateEach("""
                        insert into case_pack(case_id, municipality, referring_agency_id, received_on, age_band, area,
                                              concerns, household_json, case_number)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        on conflict (case_id) do update set referring_agency_id = excluded.referring_agency_id,
                            received_on = excluded.received_on, age_band = excluded.age_band, area = excluded.area,
                            concerns = excluded.concerns, household_json = excluded.household_json,
                            case_number = coalesce(excluded.case_number, case_pack.case_number)""",
                packs.stream().map(p -> Tuple.tuple(Arrays.asList(p.caseId(), p.municipality(),
                        p.referringAgencyId(), p.receivedOn(), p.ageBand() == null ? null : p.ageBand().name(),
                        p.area(), String.join(",", p.concerns().stream().map(Enum::name).toList()),
                        json(p.household()), p.caseNumber()))).toList());
    }

    /** Why the case was escalated, for its pack. */
    public Uni<Void> saveReasons(String caseId, String municipality, List<Reason> reasons) {
        return database.update("""
                        insert into case_pack(case_id, municipality, reasons_json) values ($1, $2, $3)
                        on conflict (case_id) do update set reasons_json = excluded.reasons_json""",
                caseId, municipality, json(reasons)).replaceWithVoid();
    }

    /** The 受付番号 of those of the given cases that have one, by case id. */
    public Uni<Map<String, String>> caseNumbers(Collection<String> caseIds) {
        return database.list("""
                        select case_id, case_number from case_pack
                         where case_id = any($1) and case_number is not null""",
                        r -> Map.entry(r.getString("case_id"), r.getString("case_number")),
                        (Object) caseIds.toArray(String[]::new))
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The packs of the given cases, by case id. */
    public Uni<Map<String, CasePack>> packs(Collection<String> caseIds) {
        return database.list("""
                        select case_id, case_number, municipality, referring_agency_id, received_on, age_band, area,
                               concerns, household_json, reasons_json
                          from case_pack where case_id = any($1)""",
                        r -> new CasePack(r.getString("case_id"), r.getString("case_number"),
                                r.getString("municipality").trim(),
                                r.getString("referring_agency_id"), r.getLocalDate("received_on"),
                                r.getString("age_band") == null ? null : AgeBand.valueOf(r.getString("age_band")),
                                r.getString("area"), list(r.getString("concerns")).stream().map(Concern::valueOf)
                                .toList(), fromJson(r.getString("household_json"),
                                new TypeReference<List<HouseholdMember>>() { }),
                                fromJson(r.getString("reasons_json"), new TypeReference<List<Reason>>() { })),
                        (Object) caseIds.toArray(String[]::new))
                .map(rows -> rows.stream().collect(Collectors.toMap(CasePack::caseId, p -> p)));
    }

    /** The reviews of the given cases in meetings other than {@code meetingId}, oldest first, by case id. */
    public Uni<Map<String, List<CasePack.EarlierReview>>> earlierReviews(Collection<String> caseIds,
                                                                        String meetingId) {
        return database.list("""
                        select r.case_id, r.meeting_id, m.type, m.held_on, r.outcome
                          from review r join meeting m on m.meeting_id = r.meeting_id
                         where r.case_id = any($1) and r.meeting_id <> $2
                         order by m.held_on, r.meeting_id""",
                        r -> Map.entry(r.getString("case_id"), new CasePack.EarlierReview(r.getString("meeting_id"),
                                MeetingType.valueOf(r.getString("type")), r.getLocalDate("held_on"),
                                r.getString("outcome"))),
                        caseIds.toArray(String[]::new), meetingId)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
    }

    private static Meeting meetingOf(Row r) {
        return new Meeting(r.getString("meeting_id"), r.getString("municipality").trim(),
                MeetingType.valueOf(r.getString("type")), r.getLocalDate("scheduled_on"), r.getBoolean("ad_hoc"),
                list(r.getString("members")), r.getLocalDate("held_on"), list(r.getString("attendees")),
                new WhenAndWhere(r.getLocalTime("starts_at"), r.getLocalTime("ends_at"),
                        r.getString("scheduled_place")));
    }

    private static CaseTrack trackOf(Row r) {
        String track = r.getString("track");
        return new CaseTrack(r.getString("case_id"), r.getString("municipality").trim(),
                Consent.valueOf(r.getString("consent")), track == null ? null : MeetingType.valueOf(track),
                r.getString("meeting_id"), r.getBoolean("queued"), Urgency.valueOf(r.getString("urgency")),
                EmergencyReview.valueOf(r.getString("review")), r.getLocalDate("queued_on"), r.getBoolean("joined"));
    }

}
