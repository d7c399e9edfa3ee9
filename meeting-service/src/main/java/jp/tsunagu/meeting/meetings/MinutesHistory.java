package jp.tsunagu.meeting.meetings;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.meeting.agenda.MeetingRecords;
import jp.tsunagu.meeting.minutes.HouseholdMinutes;
import jp.tsunagu.meeting.minutes.MinutesChanges;
import jp.tsunagu.meeting.minutes.MinutesRecords;
import jp.tsunagu.meeting.minutes.MinutesRules;
import jp.tsunagu.meeting.minutes.MinutesVersion;
import jp.tsunagu.support.directory.AgencyDirectories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every version of a meeting's minutes as it stood, each with who made it, why, and what it changed of the one
 * before ({@link MinutesChanges}): the versions read, the corrections the meeting and its print list; and the
 * current minutes the meeting's view shows.
 */
@ApplicationScoped
public class MinutesHistory {

    private final MeetingRecords records;
    private final MinutesRecords minutes;
    private final AgencyDirectories directories;

    public MinutesHistory(MeetingRecords records, MinutesRecords minutes, AgencyDirectories directories) {
        this.records = records;
        this.minutes = minutes;
        this.directories = directories;
    }

    /** The meeting's versions, the recording first (none before its minutes). */
    public Uni<List<MeetingView.Version>> of(String municipality, String meetingId) {
        Function<String, String> agencyName = id -> directories.agencyName(municipality, id).orElse(null);
        return minutes.minutesVersions(meetingId).chain(versions -> minutes.reviewVersions(meetingId)
                .chain(reviews -> minutes.reviewHouseholds(meetingId).chain(households -> minutes
                        .householdVersions(meetingId).chain(notes -> records.caseNumbers(reviews.stream()
                                .map(r -> r.review().caseId()).distinct().toList()).map(numbers -> {
                    List<MeetingView.Version> history = new ArrayList<>();
                    MinutesChanges.Snapshot before = null;
                    for (MinutesVersion v : versions) {
                        List<MinutesRules.Review> asOf = asOf(reviews, v.version());
                        List<HouseholdMinutes.Household> householdsAsOf = labelled(
                                HouseholdMinutes.asOf(notes, v.version()), households, numbers);
                        MinutesChanges.Snapshot now = new MinutesChanges.Snapshot(v.attendees(), v.details(), asOf,
                                householdsAsOf);
                        history.add(new MeetingView.Version(v.version(), v.recordedAt(), v.recordedBy(),
                                v.recordedByName(), v.reason(), v.heldOn(),
                                MeetingView.AttendeeView.of(v.attendees(), agencyName), MeetingView.Held.of(v.details()),
                                v.amendedCaseIds(), asOf.stream().map(r -> MeetingView.ReviewView.of(r, numbers,
                                agencyName, households)).toList(),
                                before == null ? List.of() : MinutesChanges.between(before, now, agencyName, numbers),
                                householdsAsOf.isEmpty() ? null : householdsAsOf.stream().map(h ->
                                        new MeetingView.HouseholdNote(h.householdId(), h.label(), h.note())).toList()));
                        before = now;
                    }
                    return history;
                })))));
    }

    /**
     * The households with the label of their cases reviewed with them at this meeting ({@link HouseholdMinutes#label},
     * the one rule), whatever label was kept when they were written.
     */
    private static List<HouseholdMinutes.Household> labelled(List<HouseholdMinutes.Household> households,
                                                             Map<String, String> reviewHouseholds,
                                                             Map<String, String> numbers) {
        return households.stream().map(h -> new HouseholdMinutes.Household(h.householdId(),
                HouseholdMinutes.label(h.householdId(), reviewHouseholds, numbers), h.note())).toList();
    }

    /** The reviews of the meeting's current minutes, in the order discussed (none before its minutes). */
    public Uni<List<MinutesRules.Review>> reviews(String meetingId) {
        return minutes.reviews(meetingId);
    }

    /**
     * The households of the current minutes: each review's household (the item it was discussed in) and the notes.
     */
    public Uni<Households> households(String meetingId) {
        return minutes.reviewHouseholds(meetingId).chain(of -> minutes.households(meetingId).chain(notes ->
                records.caseNumbers(List.copyOf(of.keySet())).map(numbers -> new Households(of,
                        labelled(notes, of, numbers).stream().map(h -> new MeetingView.HouseholdNote(h.householdId(),
                                h.label(), h.note())).toList()))));
    }

    /**
     * @param reviewHouseholds the household of each review discussed in one, by case id
     * @param notes            the households discussed as one item, with the minutes' notes
     */
    public record Households(Map<String, String> reviewHouseholds, List<MeetingView.HouseholdNote> notes) {
    }

    /** The current minutes' meeting-level record (none before its minutes). */
    public Uni<MinutesRules.Details> details(String meetingId) {
        return minutes.details(meetingId);
    }

    /** Each review as the latest version up to {@code version} wrote it, in the order discussed. */
    static List<MinutesRules.Review> asOf(List<MinutesVersion.OfReview> reviews, int version) {
        Map<String, MinutesRules.Review> latest = new LinkedHashMap<>();
        for (MinutesVersion.OfReview r : reviews) {
            if (r.version() <= version) {
                latest.put(r.review().caseId(), r.review()); // oldest first: the last kept is the latest up to it
            }
        }
        return List.copyOf(latest.values());
    }
}
