package jp.tsunagu.meeting.agenda;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.meeting.minutes.MinutesRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static jp.tsunagu.support.db.SqlValues.fromJson;
import static jp.tsunagu.support.db.SqlValues.json;
import static jp.tsunagu.support.db.SqlValues.list;
import static jp.tsunagu.support.db.SqlValues.localDate;

/** meeting-service's tables (V2__meeting.sql). Every method needs an open session; writes a transaction. */
@ApplicationScoped
public class MeetingRecords {

    private static final String MEETING_COLUMNS =
            "meeting_id, municipality, type, scheduled_on, ad_hoc, members, held_on, attendees ";
    private static final String TRACK_COLUMNS =
            "case_id, municipality, consent, track, meeting_id, queued, urgent, queued_on ";

    /** What an erased free text reads as. */
    public static final String ERASED = "（本人の情報は消去されました）";

    /**
     * The person's data was erased (DELETE /persons): the confidential note and the ad-hoc reason of every review of
     * the case are written over, since they may describe the person. Outcomes and roles stay (they are the counts).
     */
    public Uni<Void> eraseCase(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update review set note = case when note is null then null else :erased end,
                                          ad_hoc_reason = case when ad_hoc_reason is null then null else :erased end
                         where case_id = :id""")
                .setParameter("erased", ERASED)
                .setParameter("id", caseId)
                .executeUpdate()).replaceWithVoid();
    }

    /** True when the meeting was new. */
    public Uni<Boolean> insertMeeting(Meeting m) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into meeting(meeting_id, municipality, type, scheduled_on, ad_hoc, members)
                        values (:id, :m, :type, :on, :adHoc, :members) on conflict (meeting_id) do nothing""")
                .setParameter("id", m.meetingId())
                .setParameter("m", m.municipality())
                .setParameter("type", m.type().name())
                .setParameter("on", m.scheduledOn())
                .setParameter("adHoc", m.adHoc())
                .setParameter("members", String.join(",", m.members()))
                .executeUpdate()).map(rows -> rows == 1);
    }

    public Uni<Optional<Meeting>> meeting(String meetingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select " + MEETING_COLUMNS + " from meeting where meeting_id = :id", Object[].class)
                .setParameter("id", meetingId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(MeetingRecords::meetingOf)));
    }

    /** The meeting, locked until the transaction ends: concurrent minutes for it queue up and the second finds it held. */
    public Uni<Optional<Meeting>> meetingForUpdate(String meetingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select " + MEETING_COLUMNS + " from meeting where meeting_id = :id for update", Object[].class)
                .setParameter("id", meetingId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(MeetingRecords::meetingOf)));
    }

    public Uni<List<Meeting>> meetings(String municipality, LocalDate from, LocalDate to, MeetingType type) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + MEETING_COLUMNS + """
                         from meeting where municipality = :m and scheduled_on between :from and :to
                          and (:type = '' or type = :type) order by scheduled_on, type, meeting_id""", Object[].class)
                .setParameter("m", municipality)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("type", type == null ? "" : type.name())
                .getResultList()
                .map(rows -> rows.stream().map(MeetingRecords::meetingOf).toList()));
    }

    /** The first meeting of {@code type} not yet held, on or after {@code from}. */
    public Uni<Optional<Meeting>> nextMeeting(String municipality, MeetingType type, LocalDate from) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + MEETING_COLUMNS + """
                         from meeting where municipality = :m and type = :type and held_on is null
                          and scheduled_on >= :from order by scheduled_on, meeting_id limit 1""", Object[].class)
                .setParameter("m", municipality)
                .setParameter("type", type.name())
                .setParameter("from", from)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(MeetingRecords::meetingOf)));
    }

    public Uni<Void> setMembers(String meetingId, List<String> members) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update meeting set members = :members where meeting_id = :id")
                .setParameter("members", String.join(",", members))
                .setParameter("id", meetingId)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> markHeld(String meetingId, LocalDate heldOn, List<String> attendees) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update meeting set held_on = :on, attendees = :attendees where meeting_id = :id")
                .setParameter("on", heldOn)
                .setParameter("attendees", String.join(",", attendees))
                .setParameter("id", meetingId)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<CaseTrack>> track(String caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select " + TRACK_COLUMNS + " from case_track where case_id = :id", Object[].class)
                .setParameter("id", caseId)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(MeetingRecords::trackOf)));
    }

    public Uni<List<CaseTrack>> agenda(String meetingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + TRACK_COLUMNS
                        + " from case_track where meeting_id = :id and queued order by queued_on, case_id", Object[].class)
                .setParameter("id", meetingId)
                .getResultList()
                .map(rows -> rows.stream().map(MeetingRecords::trackOf).toList()));
    }

    /** Queued cases of a track that wait for a meeting to be scheduled. */
    public Uni<List<CaseTrack>> waiting(String municipality, MeetingType track) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + TRACK_COLUMNS + """
                         from case_track where municipality = :m and track = :track and queued and meeting_id is null
                         order by queued_on, case_id""", Object[].class)
                .setParameter("m", municipality)
                .setParameter("track", track.name())
                .getResultList()
                .map(rows -> rows.stream().map(MeetingRecords::trackOf).toList()));
    }

    public Uni<Void> saveTrack(CaseTrack t) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into case_track(" + TRACK_COLUMNS + """
                        ) values (:id, :m, :consent, :track, :meeting, :queued, :urgent, :on)
                        on conflict (case_id) do update set consent = excluded.consent, track = excluded.track,
                            meeting_id = excluded.meeting_id, queued = excluded.queued, urgent = excluded.urgent,
                            queued_on = excluded.queued_on""")
                .setParameter("id", t.caseId())
                .setParameter("m", t.municipality())
                .setParameter("consent", t.consent().name())
                .setParameter("track", t.track() == null ? null : t.track().name())
                .setParameter("meeting", t.meetingId())
                .setParameter("queued", t.queued())
                .setParameter("urgent", t.urgent())
                .setParameter("on", t.queuedOn())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> saveReview(String meetingId, MinutesRules.Review r) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into review(meeting_id, case_id, outcome, plan_type, roles_json, note, ad_hoc, ad_hoc_reason)
                        values (:meeting, :case, :outcome, :planType, :roles, :note, :adHoc, :reason)
                        on conflict (meeting_id, case_id) do nothing""")
                .setParameter("meeting", meetingId)
                .setParameter("case", r.caseId())
                .setParameter("outcome", r.outcome().name())
                .setParameter("planType", r.planType() == null ? null : r.planType().name())
                .setParameter("roles", json(r.roles()))
                .setParameter("note", r.note())
                .setParameter("adHoc", r.adHoc())
                .setParameter("reason", r.adHocReason())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<MinutesRules.Review>> reviews(String meetingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select case_id, outcome, plan_type, roles_json, note, ad_hoc, ad_hoc_reason from review
                         where meeting_id = :id order by case_id""", Object[].class)
                .setParameter("id", meetingId)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new MinutesRules.Review((String) r[0],
                        ReviewOutcome.valueOf((String) r[1]), r[2] == null ? null : PlanType.valueOf((String) r[2]),
                        fromJson((String) r[3], new TypeReference<List<Role>>() {
                        }), (String) r[4], (Boolean) r[5], (String) r[6])).toList()));
    }

    private static Meeting meetingOf(Object[] r) {
        return new Meeting((String) r[0], ((String) r[1]).trim(), MeetingType.valueOf((String) r[2]), localDate(r[3]),
                (Boolean) r[4], list((String) r[5]), localDate(r[6]), list((String) r[7]));
    }

    private static CaseTrack trackOf(Object[] r) {
        return new CaseTrack((String) r[0], ((String) r[1]).trim(), Consent.valueOf((String) r[2]),
                r[3] == null ? null : MeetingType.valueOf((String) r[3]), (String) r[4], (Boolean) r[5],
                (Boolean) r[6], localDate(r[7]));
    }
}
