package jp.tsunagu.infra.seed;

import jp.tsunagu.infra.seed.SeedStep.CaseRef;
import jp.tsunagu.infra.seed.SeedStep.Consent;
import jp.tsunagu.infra.seed.SeedStep.MeetingRef;
import jp.tsunagu.infra.seed.SeedStep.Outcome;
import jp.tsunagu.infra.seed.SeedStep.PlanRef;
import jp.tsunagu.infra.seed.SeedStep.Review;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.infra.seed.SeedTable.Year;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a history whose events give exactly a {@link SeedTable}'s figures, as calls of the public API in date order.
 * Pure: no I/O, the same table always gives the same steps (and so the same Idempotency-Keys).
 *
 * <p>How the history is shaped, and the API rules that shape it:
 * <ul>
 *   <li><b>Meetings.</b> Kurume holds both case meetings on the 4th Wednesday of every month, plus extra ones when
 *       needed (seed 000): a year with more than 12 adds ad-hoc meetings on 2nd Wednesdays; with fewer, some months
 *       have none. The year's meetings are scheduled on April 1 and held (minutes recorded) on their day.</li>
 *   <li><b>Cases.</b> Every case is referred shortly before the meeting that first reviews it, with concerns that send
 *       it to 多機関協働事業 and the consent of that meeting's track (重層的支援会議 GIVEN, 支援会議 NOT_GIVEN), as if
 *       it landed on that meeting's agenda. Every review carries a reason: loaded today, an escalated case is queued
 *       on the next meeting from today, so the history's meetings (all past) review their cases ad hoc.</li>
 *   <li><b>多機関協働プラン</b> are made, re-planned and closed by 重層的支援会議 outcomes (PLAN, REPLAN, CLOSE):
 *       planning-service turns such an outcome into the plan change itself, dated on the meeting day, so a second
 *       plan posted for the case would be refused as a duplicate.</li>
 *   <li><b>アウトリーチプラン</b> follow a 支援会議 that shared the information (no consent, no plan from the
 *       meeting); <b>参加支援プラン</b> follow a 重層的支援会議 review. Both are posted on the meeting day, re-planned
 *       and closed on later meeting days by posts to the plan API.</li>
 *   <li><b>Plan changes</b> of a type are spread over the year's host meetings: new plans first (a fresh case each),
 *       then re-plans of the plan changed longest ago, then closures of the oldest plans; a plan changes at most once
 *       a day, and open plans carry into the next year.</li>
 *   <li><b>The rest of 取扱件数</b> are reviews of a small pool of cases per year and meeting type, each reviewed
 *       about three times (延べ); 支援会議 shares information and watches over (SHARE_INFO, WATCH), 重層的支援会議
 *       continues support (CONTINUE).</li>
 * </ul>
 */
public final class SeedHistory {

    /** Why a case is reviewed outside its agenda (minutes need a reason for an ad-hoc review). */
    static final String REASON = "seed 000 history";

    /** 校区 of 久留米市 from contract resource jp/tsunagu/contract/directory/402036.json. */
    static final List<String> AREAS = List.of("荒木", "篠山", "京町", "日吉", "御井", "善導寺", "田主丸", "城島", "三潴",
            "安武", "津福", "大橋", "宮ノ陣", "上津");

    /** Kurume's consultation agencies that refer cases (directory ids). */
    static final List<String> REFERRERS = List.of("kurume-houkatsu-01", "kurume-kikan-01", "kurume-jiritsu-01",
            "kurume-kosodate-01", "kurume-houkatsu-06", "kurume-kikan-02", "kurume-jiritsu-02");

    /** Each set holds an in-between concern (routing's inBetweenConcerns), so the case goes to a meeting. */
    static final List<List<String>> JUUSOU_CONCERNS = List.of(
            List.of("HIKIKOMORI", "EIGHTY_FIFTY"),
            List.of("MENTAL_HEALTH", "POVERTY", "ISOLATION"),
            List.of("DOUBLE_CARE", "CHILD_REARING"),
            List.of("YOUNG_CARER", "ELDER_CARE"),
            List.of("ADDICTION", "DEBT"));
    static final List<List<String>> SHIEN_CONCERNS = List.of(
            List.of("HOARDING"),
            List.of("ANIMAL_HOARDING", "ISOLATION"),
            List.of("HIKIKOMORI", "ISOLATION"),
            List.of("HOARDING", "DEMENTIA"));

    static final Map<MeetingType, List<String>> ATTENDEES = Map.of(
            MeetingType.JUUSOU_SHIEN_KAIGI, List.of("kurume-takikan-01", "kurume-houkatsu-01", "kurume-kikan-01",
                    "kurume-jiritsu-01", "kurume-sanka-01"),
            MeetingType.SHIEN_KAIGI, List.of("kurume-takikan-01", "kurume-houkatsu-02", "kurume-kosodate-01",
                    "kurume-outreach-01"));

    /** How many days before its first meeting a case is referred, at most. */
    static final int REFERRED_DAYS_BEFORE = 14;

    private SeedHistory() {
    }

    /** The steps that load {@code table}'s history, in the order to run them. */
    public static List<SeedStep> plan(SeedTable table) {
        return new Planner().plan(table);
    }

    /** The meeting type that hosts a plan type's changes. */
    static MeetingType host(PlanType type) {
        return type == PlanType.OUTREACH ? MeetingType.SHIEN_KAIGI : MeetingType.JUUSOU_SHIEN_KAIGI;
    }

    /** The meeting days of a type in a year: 4th Wednesdays, plus 2nd Wednesdays for meetings beyond 12. */
    static List<LocalDate> meetingDays(Year year, int held) {
        List<LocalDate> days = new ArrayList<>();
        int regular = Math.min(held, 12);
        for (int i = 0; i < regular; i++) {
            days.add(wednesday(year, i * 12 / regular, 4));
        }
        int extra = held - regular;
        if (extra > 12) {
            throw new IllegalArgumentException(year.label() + ": " + held + " meetings do not fit two a month");
        }
        for (int j = 0; j < extra; j++) {
            days.add(wednesday(year, j * 12 / extra, 2));
        }
        Collections.sort(days);
        return days;
    }

    private static LocalDate wednesday(Year year, int monthOfYear, int nth) {
        return year.start().plusMonths(monthOfYear).with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.WEDNESDAY));
    }

    // -------------------------------------------------------------------------------------------------------------

    private enum Change { CREATE, REVISE, CLOSE }

    /** Order of steps on the same day: schedule, refer, hold the meeting, then post plans. */
    private static final List<Class<? extends SeedStep>> SAME_DAY_ORDER = List.of(SeedStep.Meeting.class,
            SeedStep.Referral.class, SeedStep.Minutes.class, SeedStep.NewPlan.class, SeedStep.Revision.class,
            SeedStep.Closure.class);

    /** A meeting being planned: its reviews and the cases referred for it accumulate. */
    private static final class Slot {
        final MeetingRef ref;
        final MeetingType type;
        final LocalDate day;
        final List<Review> reviews = new ArrayList<>();
        final List<CaseRef> agenda = new ArrayList<>();

        Slot(MeetingRef ref, MeetingType type, LocalDate day) {
            this.ref = ref;
            this.type = type;
            this.day = day;
        }
    }

    /** A plan as the history knows it: its case, when it was made and last changed, whether it is closed. */
    private static final class OpenPlan {
        final PlanRef ref;
        final CaseRef kase;
        final int order;
        LocalDate lastChange;
        boolean closed;

        OpenPlan(PlanRef ref, CaseRef kase, int order, LocalDate madeOn) {
            this.ref = ref;
            this.kase = kase;
            this.order = order;
            this.lastChange = madeOn;
        }
    }

    private record Timed(SeedStep step, int seq) {
    }

    private static final class Planner {
        private final List<Timed> timeline = new ArrayList<>();
        private final Map<PlanType, List<OpenPlan>> plans = new EnumMap<>(PlanType.class);
        private final Map<MeetingType, LocalDate> lastMeetingDay = new EnumMap<>(MeetingType.class);
        private final Map<CaseRef, Integer> caseNumbers = new HashMap<>();
        private final Map<String, Integer> namesUsed = new HashMap<>();
        private int cases;
        private int planCount;

        List<SeedStep> plan(SeedTable table) {
            for (PlanType t : PlanType.values()) {
                plans.put(t, new ArrayList<>());
            }
            for (Year year : table.years()) {
                year(year);
            }
            List<Timed> ordered = new ArrayList<>(timeline);
            ordered.sort(Comparator.comparing((Timed t) -> t.step().on())
                    .thenComparing(t -> SAME_DAY_ORDER.indexOf(t.step().getClass()))
                    .thenComparing(Timed::seq));
            return ordered.stream().map(Timed::step).toList();
        }

        private void year(Year year) {
            Map<MeetingType, List<Slot>> slots = new EnumMap<>(MeetingType.class);
            for (MeetingType type : SeedTable.CASE_MEETINGS) {
                List<Slot> ofType = meetingDays(year, year.meeting(type).held()).stream()
                        .map(day -> new Slot(new MeetingRef(year.label() + "-" + type + "-" + day), type, day))
                        .toList();
                ofType.forEach(s -> add(new SeedStep.Meeting(s.ref, type, s.day, year.start())));
                slots.put(type, ofType);
            }
            for (PlanType type : PlanType.values()) {
                planChanges(year, type, slots.get(host(type)));
            }
            for (MeetingType type : SeedTable.CASE_MEETINGS) {
                pool(year, type, slots.get(type));
            }
            for (MeetingType type : SeedTable.CASE_MEETINGS) {
                LocalDate previous = lastMeetingDay.get(type);
                for (Slot s : slots.get(type)) {
                    for (CaseRef c : s.agenda) {
                        add(referral(year, c, s, previous));
                    }
                    add(new SeedStep.Minutes(s.ref, type, s.day, ATTENDEES.get(type), s.reviews, s.agenda));
                    previous = s.day;
                }
                lastMeetingDay.put(type, previous);
            }
        }

        /** New plans, re-plans and closures of one type in one year, spread over the host meetings. */
        private void planChanges(Year year, PlanType type, List<Slot> hosts) {
            SeedTable.PlanFigures figures = year.plan(type);
            if (figures.created() < 0 || figures.closed() < 0) {
                throw new IllegalArgumentException(year.label() + " " + type + ": " + figures
                        + " has more re-plans than plans made");
            }
            List<Change> changes = new ArrayList<>();
            changes.addAll(Collections.nCopies(figures.created(), Change.CREATE));
            changes.addAll(Collections.nCopies(figures.replans(), Change.REVISE));
            changes.addAll(Collections.nCopies(figures.closed(), Change.CLOSE));
            if (!changes.isEmpty() && hosts.isEmpty()) {
                throw new IllegalArgumentException(year.label() + " " + type + ": plans change but no "
                        + host(type) + " is held");
            }
            for (int i = 0; i < changes.size(); i++) {
                Slot slot = hosts.get(i * hosts.size() / changes.size());
                switch (changes.get(i)) {
                    case CREATE -> create(year, type, slot);
                    case REVISE -> revise(year, type, slot);
                    case CLOSE -> close(year, type, slot);
                }
            }
        }

        private void create(Year year, PlanType type, Slot slot) {
            CaseRef kase = newCase(year, kind(type));
            slot.agenda.add(kase);
            OpenPlan plan = new OpenPlan(new PlanRef(kase.name()), kase, planCount++, slot.day);
            plans.get(type).add(plan);
            switch (type) {
                // the meeting's PLAN outcome is the plan: planning-service makes it, dated on the meeting day
                case MULTI_AGENCY -> slot.reviews.add(new Review(kase, Outcome.PLAN, type, REASON));
                case OUTREACH -> {
                    slot.reviews.add(new Review(kase, Outcome.SHARE_INFO, null, REASON));
                    add(new SeedStep.NewPlan(plan.ref, kase, type, slot.day, "kurume-outreach-01",
                            "訪問を重ねて本人との関係をつくる（伴走支援）", "本人と会って話ができるようになる"));
                }
                case PARTICIPATION -> {
                    slot.reviews.add(new Review(kase, Outcome.CONTINUE, null, REASON));
                    add(new SeedStep.NewPlan(plan.ref, kase, type, slot.day, "kurume-sanka-01",
                            "本人の希望に合う居場所・受け入れ先との調整と定着支援", "地域の居場所に月2回参加する"));
                }
            }
        }

        private void revise(Year year, PlanType type, Slot slot) {
            OpenPlan plan = plans.get(type).stream()
                    .filter(p -> !p.closed && p.lastChange.isBefore(slot.day))
                    .min(Comparator.comparing((OpenPlan p) -> p.lastChange).thenComparing(p -> p.order))
                    .orElseThrow(() -> new IllegalStateException(year.label() + " " + type
                            + ": no open plan to re-plan on " + slot.day));
            plan.lastChange = slot.day;
            if (type == PlanType.MULTI_AGENCY) {
                slot.reviews.add(new Review(plan.kase, Outcome.REPLAN, type, REASON));
            } else {
                add(new SeedStep.Revision(plan.ref, type, slot.day, REASON + ": 再プラン"));
            }
        }

        private void close(Year year, PlanType type, Slot slot) {
            OpenPlan plan = plans.get(type).stream()
                    .filter(p -> !p.closed && p.lastChange.isBefore(slot.day))
                    .min(Comparator.comparingInt(p -> p.order))
                    .orElseThrow(() -> new IllegalStateException(year.label() + " " + type
                            + ": no open plan to close on " + slot.day));
            plan.closed = true;
            plan.lastChange = slot.day;
            if (type == PlanType.MULTI_AGENCY) {
                slot.reviews.add(new Review(plan.kase, Outcome.CLOSE, type, REASON));
            } else {
                add(new SeedStep.Closure(plan.ref, type, slot.day, REASON + ": 終結"));
            }
        }

        /** The reviews 取扱件数 still needs after the plan reviews: a pool of cases, each reviewed about 3 times. */
        private void pool(Year year, MeetingType type, List<Slot> meetings) {
            int handled = year.meeting(type).casesHandled();
            int planReviews = meetings.stream().mapToInt(s -> s.reviews.size()).sum();
            int reviews = handled - planReviews;
            if (reviews < 0) {
                throw new IllegalArgumentException(year.label() + " " + type + ": the plans alone need "
                        + planReviews + " reviews, more than the " + handled + " cases handled");
            }
            if (reviews == 0) {
                return;
            }
            if (meetings.isEmpty()) {
                throw new IllegalArgumentException(year.label() + " " + type + ": cases handled but no meeting held");
            }
            int n = meetings.size();
            int mostInOneMeeting = (reviews + n - 1) / n;
            int size = Math.min(reviews, Math.max(mostInOneMeeting, (reviews + 2) / 3));
            List<CaseRef> pool = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                pool.add(newCase(year, type == MeetingType.JUUSOU_SHIEN_KAIGI ? "jsk" : "sk"));
            }
            Set<CaseRef> seen = new HashSet<>();
            int next = 0;
            for (int m = 0; m < n; m++) {
                Slot slot = meetings.get(m);
                int count = (m + 1) * reviews / n - m * reviews / n;
                for (int k = 0; k < count; k++) {
                    CaseRef kase = pool.get(next++ % size);
                    boolean first = seen.add(kase);
                    if (first) {
                        slot.agenda.add(kase);
                    }
                    Outcome outcome = type == MeetingType.JUUSOU_SHIEN_KAIGI ? Outcome.CONTINUE
                            : first ? Outcome.SHARE_INFO : Outcome.WATCH;
                    slot.reviews.add(new Review(kase, outcome, null, REASON));
                }
            }
        }

        /**
         * Referred after the previous meeting of its track (so the next one is its meeting) and at most two weeks
         * before it, within the fiscal year.
         */
        private SeedStep.Referral referral(Year year, CaseRef kase, Slot slot, LocalDate previousMeeting) {
            LocalDate receivedOn = slot.day.minusDays(REFERRED_DAYS_BEFORE);
            if (previousMeeting != null && !receivedOn.isAfter(previousMeeting)) {
                receivedOn = previousMeeting.plusDays(1);
            }
            if (receivedOn.isBefore(year.start())) {
                receivedOn = year.start();
            }
            int n = caseNumbers.get(kase);
            boolean juusou = slot.type == MeetingType.JUUSOU_SHIEN_KAIGI;
            List<List<String>> concerns = juusou ? JUUSOU_CONCERNS : SHIEN_CONCERNS;
            return new SeedStep.Referral(kase, receivedOn, REFERRERS.get(n % REFERRERS.size()),
                    juusou ? Consent.GIVEN : Consent.NOT_GIVEN, AREAS.get(n % AREAS.size()), 18 + (n * 17) % 70,
                    concerns.get(n % concerns.size()), slot.ref);
        }

        private CaseRef newCase(Year year, String kind) {
            String prefix = year.label() + "-" + kind;
            int number = namesUsed.merge(prefix, 1, Integer::sum);
            CaseRef kase = new CaseRef(prefix + "-" + String.format("%02d", number));
            caseNumbers.put(kase, cases++);
            return kase;
        }

        private static String kind(PlanType type) {
            return switch (type) {
                case MULTI_AGENCY -> "ma";
                case OUTREACH -> "outreach";
                case PARTICIPATION -> "participation";
            };
        }

        private void add(SeedStep step) {
            timeline.add(new Timed(step, timeline.size()));
        }
    }
}
