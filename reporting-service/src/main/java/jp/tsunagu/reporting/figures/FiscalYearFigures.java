package jp.tsunagu.reporting.figures;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The yearly figures of seed 000's table, from facts projected out of the event log, by business date. The
 * definitions (docs/reporting.md):
 * <ul>
 *   <li>{@code held}: meetings of the type whose minutes have {@code heldOn} in the fiscal year (開催回数);</li>
 *   <li>{@code casesHandled}: the reviews in those minutes, counted each time (延べ, 取扱件数);
 *       {@code distinctCases}: the distinct cases among them;</li>
 *   <li>{@code made}: plans created plus revisions with their business date in the year (作成件数);
 *       {@code replans}: the revisions among them (うち、再プラン); {@code closed}: closures in the year (終結件数);
 *       each counted by plan (a household's plan, one planId with one event per member case, is one plan), a
 *       revision by plan and version;</li>
 *   <li>{@code casesSupported}, {@code householdsSupported} (支援世帯数), {@code multiCaseHouseholds},
 *       {@code householdsWithPlan}, {@code casesPerHousehold}: {@link HouseholdFigures}.</li>
 * </ul>
 * {@link FigureDefinitions} names the alternatives an analyst may replay under.
 */
public final class FiscalYearFigures {

    private FiscalYearFigures() {
    }

    public record MeetingHeld(String meetingId, MeetingType type, LocalDate heldOn) {
    }

    public record Review(String meetingId, String caseId, MeetingType type, LocalDate heldOn) {
    }

    public enum Kind { CREATED, REVISED, CLOSED }

    /**
     * A plan made, revised or closed. A household's plan (one planId) has one such change per member case, so a
     * change is counted once per plan, a re-plan once per plan and version.
     *
     * @param version a re-plan's version (null for the others, and for re-plans recorded before V11)
     */
    public record PlanChange(String planId, PlanType type, Kind kind, LocalDate on, Integer version) {

        public PlanChange(String planId, PlanType type, Kind kind, LocalDate on) {
            this(planId, type, kind, on, null);
        }

        /** What makes two changes the same one: a member's copy of a household plan's change is not another. */
        Object identity() {
            if (kind == Kind.REVISED && version == null) {
                return new Object(); // before V11: one row per re-plan (of one case), each counted
            }
            return List.of(planId, kind, version == null ? 0 : version);
        }
    }

    @JsonPropertyOrder({"held", "casesHandled", "distinctCases"})
    public record MeetingFigures(int held, int casesHandled, int distinctCases) {
    }

    @JsonPropertyOrder({"made", "replans", "closed"})
    public record PlanFigures(int made, int replans, int closed) {
    }

    @JsonPropertyOrder({"fiscalYear", "label", "meetings", "plans", "casesSupported", "householdsSupported",
            "multiCaseHouseholds", "householdsWithPlan", "casesPerHousehold"})
    /**
     * @param code  R6 (programs), as {@code from}/{@code to} take it
     * @param label 令和6年度 (people)
     * @param casesSupported and the four after it: the households the year supported ({@link HouseholdFigures})
     */
    public record Year(int fiscalYear, String code, String label, Map<MeetingType, MeetingFigures> meetings,
                       Map<PlanType, PlanFigures> plans, int casesSupported, int householdsSupported,
                       int multiCaseHouseholds, int householdsWithPlan, Double casesPerHousehold) {

        Year(int fiscalYear, String code, String label, Map<MeetingType, MeetingFigures> meetings,
             Map<PlanType, PlanFigures> plans, HouseholdFigures.Households h) {
            this(fiscalYear, code, label, meetings, plans, h.casesSupported(), h.householdsSupported(),
                    h.multiCaseHouseholds(), h.householdsWithPlan(), h.casesPerHousehold());
        }
    }

    /** The case meetings a table reports (考える会 and 代表者会議 have no cases). */
    public static final List<MeetingType> CASE_MEETINGS = List.of(MeetingType.JUUSOU_SHIEN_KAIGI,
            MeetingType.SHIEN_KAIGI);

    /**
     * What the year table counts: meetings held, the cases they reviewed, plans made, revised and closed, and for the
     * households the cases supported each year and the cases each plan covers.
     */
    public record Activity(List<MeetingHeld> meetings, List<Review> reviews, List<PlanChange> changes,
                           List<HouseholdFigures.SupportedCase> supported,
                           List<HouseholdFigures.PlanSubject> planSubjects) {

        public Activity(List<MeetingHeld> meetings, List<Review> reviews, List<PlanChange> changes) {
            this(meetings, reviews, changes, List.of(), List.of());
        }
    }

    public static List<Year> compute(FiscalYear from, FiscalYear to, Activity activity) {
        return compute(from, to, activity, FigureDefinitions.CONTRACT);
    }

    public static List<Year> compute(FiscalYear from, FiscalYear to, Activity activity,
                                     FigureDefinitions definitions) {
        List<MeetingHeld> meetings = activity.meetings();
        List<Review> reviews = activity.reviews();
        List<PlanChange> changes = activity.changes();
        List<Year> years = new ArrayList<>();
        for (FiscalYear year = from; year.compareTo(to) <= 0; year = year.next()) {
            FiscalYear y = year;
            Map<MeetingType, MeetingFigures> m = new EnumMap<>(MeetingType.class);
            for (MeetingType type : CASE_MEETINGS) {
                int held = (int) meetings.stream().filter(x -> x.type() == type && y.contains(x.heldOn())).count();
                List<Review> inYear = reviews.stream().filter(r -> r.type() == type && y.contains(r.heldOn())).toList();
                Set<String> distinct = new HashSet<>();
                inYear.forEach(r -> distinct.add(r.caseId()));
                int handled = definitions.casesHandled() == FigureDefinitions.CasesHandled.REVIEWS ? inYear.size()
                        : distinct.size();
                m.put(type, new MeetingFigures(held, handled, distinct.size()));
            }
            Map<PlanType, PlanFigures> p = new EnumMap<>(PlanType.class);
            for (PlanType type : PlanType.values()) {
                List<PlanChange> inYear = changes.stream().filter(c -> c.type() == type && y.contains(c.on())).toList();
                int created = count(inYear, Kind.CREATED);
                int revised = count(inYear, Kind.REVISED);
                int made = definitions.made() == FigureDefinitions.Made.CREATED_AND_REVISED ? created + revised : created;
                p.put(type, new PlanFigures(made, revised, count(inYear, Kind.CLOSED)));
            }
            years.add(new Year(y.year(), y.label(), y.japaneseLabel(), m, p,
                    HouseholdFigures.compute(y, activity.supported(), activity.planSubjects())));
        }
        return years;
    }

    /** The distinct changes of that kind: a household plan's change counts once, not once per member case. */
    private static int count(List<PlanChange> changes, Kind kind) {
        return (int) changes.stream().filter(c -> c.kind() == kind).map(PlanChange::identity).distinct().count();
    }
}
