package jp.tsunagu.meeting.minutes;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Wareki;
import jp.tsunagu.contract.events.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a correction of the minutes (訂正) changed, field by field, before and after, as people read it (Japanese
 * labels, agencies by name, 令和 dates): computed from the two versions kept, so an erasure that wrote over the
 * person's words in every version shows them written over here too. Without Quarkus.
 */
public final class MinutesChanges {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private MinutesChanges() {
    }

    /**
     * The minutes as one version left them.
     *
     * @param households the households (世帯) discussed as one item, with their notes as of that version
     */
    public record Snapshot(List<Attendee> attendees, MinutesRules.Details details, List<MinutesRules.Review> reviews,
                           List<HouseholdMinutes.Household> households) {

        /** Minutes that discussed no household as one item. */
        public Snapshot(List<Attendee> attendees, MinutesRules.Details details, List<MinutesRules.Review> reviews) {
            this(attendees, details, reviews, List.of());
        }
    }

    /**
     * One field a correction changed.
     *
     * @param field  for programs: attendees, startTime, endTime, place, chair, notes, or a review's outcome,
     *               planType, roles, note, wish, goals, reviewOn (then {@code caseId} names the review), or
     *               householdNote (then {@code householdId} names the household)
     * @param before as it read before, for people (absent: it was empty)
     * @param after  as it reads now (absent: it was emptied)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MinutesChange")
    public record Change(@Schema(example = "outcome") String field,
                         @Schema(description = "The field's name in Japanese", example = "結果") String label,
                         @Schema(description = "The review changed; absent for the meeting's record") String caseId,
                         @Schema(description = "That case's 受付番号", example = "R8-000123") String caseNumber,
                         @Schema(example = "継続") String before, @Schema(example = "プラン作成") String after,
                         @Schema(description = "The household (世帯) whose note changed (field householdNote)",
                                 example = "h-6f1c2a9e") String householdId,
                         @Schema(description = "That household's label", example = "世帯（R8-000001・R8-000007）")
                         String householdLabel) {

        /** A change of the meeting's record or of a review. */
        public Change(String field, String label, String caseId, String caseNumber, String before, String after) {
            this(field, label, caseId, caseNumber, before, after, null, null);
        }
    }

    /**
     * What {@code after} changed of {@code before}, the meeting's record first, then each review in the order
     * discussed.
     *
     * @param agencyName  the directory's name of an agency id (null when it no longer lists it)
     * @param caseNumbers the 受付番号 of the cases that have one
     */
    public static List<Change> between(Snapshot before, Snapshot after, Function<String, String> agencyName,
                                       Map<String, String> caseNumbers) {
        List<Change> changes = new ArrayList<>();
        Of meeting = new Of(null, null, changes);
        meeting.compare("attendees", "出席者", attendees(before.attendees(), agencyName),
                attendees(after.attendees(), agencyName));
        MinutesRules.Details b = before.details();
        MinutesRules.Details a = after.details();
        meeting.compare("startTime", "開始時刻", time(b.startTime()), time(a.startTime()));
        meeting.compare("endTime", "終了時刻", time(b.endTime()), time(a.endTime()));
        meeting.compare("place", "会場", b.place(), a.place());
        meeting.compare("chair", "司会・進行", b.chair(), a.chair());
        meeting.compare("notes", "全体の記録", b.notes(), a.notes());
        Map<String, MinutesRules.Review> was = before.reviews().stream()
                .collect(Collectors.toMap(MinutesRules.Review::caseId, r -> r, (x, y) -> y));
        for (MinutesRules.Review now : after.reviews()) {
            MinutesRules.Review then = was.get(now.caseId());
            if (then == null || then.equals(now)) {
                continue;
            }
            Of review = new Of(now.caseId(), caseNumbers.get(now.caseId()), changes);
            review.compare("outcome", "結果", then.outcome().label(), now.outcome().label());
            review.compare("planType", "プランの種類", planType(then.planType()), planType(now.planType()));
            review.compare("roles", "役割分担", roles(then.roles(), agencyName), roles(now.roles(), agencyName));
            review.compare("note", "記録", then.note(), now.note());
            review.compare("wish", "本人の希望", then.terms().wish(), now.terms().wish());
            review.compare("goals", "目標", lines(then.terms().goals()), lines(now.terms().goals()));
            review.compare("reviewOn", "見直し予定日", date(then.terms().reviewOn()), date(now.terms().reviewOn()));
        }
        Map<String, HouseholdMinutes.Household> notes = before.households().stream()
                .collect(Collectors.toMap(HouseholdMinutes.Household::householdId, h -> h, (x, y) -> y));
        for (HouseholdMinutes.Household now : after.households()) {
            HouseholdMinutes.Household then = notes.get(now.householdId());
            String noted = then == null ? null : then.note();
            if (!Objects.equals(noted, now.note())) {
                changes.add(new Change("householdNote", "世帯としての検討内容", null, null, noted, now.note(),
                        now.householdId(), now.label()));
            }
        }
        return changes;
    }

    /** Where the fields compared are: the meeting's record (no case), or a case's review; the changes go to {@code into}. */
    private record Of(String caseId, String caseNumber, List<Change> into) {

        void compare(String field, String label, String before, String after) {
            if (!Objects.equals(before, after)) {
                into.add(new Change(field, label, caseId, caseNumber, before, after));
            }
        }
    }

    /** Attendees as the 議事録 lists them: 氏名（機関名）、… */
    public static String attendees(List<Attendee> attendees, Function<String, String> agencyName) {
        return attendees.isEmpty() ? null : attendees.stream()
                .map(x -> x.display(x.agencyId() == null ? null : agencyName.apply(x.agencyId())))
                .collect(Collectors.joining("、"));
    }

    /** Roles as the 議事録 lists them: one line each, 機関名：担う役割. */
    public static String roles(List<Role> roles, Function<String, String> agencyName) {
        return roles.isEmpty() ? null : roles.stream().map(r -> {
            String name = agencyName.apply(r.agencyId());
            return (name == null ? r.agencyId() : name) + "：" + r.responsibility();
        }).collect(Collectors.joining("\n"));
    }

    public static String outcome(ReviewOutcome o) {
        return o == null ? null : o.label();
    }

    private static String planType(PlanType t) {
        return t == null ? null : t.label();
    }

    private static String lines(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.format(TIME);
    }

    private static String date(java.time.LocalDate d) {
        return d == null ? null : Wareki.format(d);
    }
}
