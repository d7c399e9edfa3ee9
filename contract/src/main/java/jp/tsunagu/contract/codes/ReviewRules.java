package jp.tsunagu.contract.codes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a meeting may decide about a case: the one rule every path that records or corrects an outcome asks (the
 * minutes, their corrections, the plans a review changes). By meeting type and the person's consent:
 * <ul>
 *   <li>考える会 and 代表者会議 review no case;</li>
 *   <li>a 支援会議 (社会福祉法第106条の6) shares information, watches over, continues and closes, with or without
 *       consent, under its members' duty of confidentiality; it never adopts a plan;</li>
 *   <li>a 重層的支援会議 discusses a case on the person's consent: without consent recorded as given it may only close
 *       it (終結);</li>
 *   <li>a 再プラン revises the case's running plan of its type: a case without one has nothing to re-plan.</li>
 * </ul>
 * Each refusal has a code for programs and its reason in Japanese for people and in English for integrators; the
 * services answer with the English in the problem's detail and {@code ProblemJapanese} reads the Japanese from here.
 */
public final class ReviewRules {

    private ReviewRules() {
    }

    /**
     * Why an outcome is refused.
     *
     * @param code     for programs: the problem's type
     * @param japanese the reason, for people
     * @param english  the same reason, for integrators (the problem's detail)
     */
    public record Refusal(String code, String japanese, String english) {
    }

    /** Whether the meeting reviews cases at all, or why not. */
    public static Optional<Refusal> agendaRefusal(MeetingType type) {
        if (type.reviewsCases()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("no-case-agenda", type.label() + "は事例を検討しない会議です（議題はありません）。"
                + "事例の検討なしで議事録を記録してください。", type.label() + " has no case agenda: record its minutes "
                + "without reviews"));
    }

    /** Whether the meeting may record the outcome for a case of this consent, or why not. */
    public static Optional<Refusal> refusal(MeetingType type, Consent consent, ReviewOutcome outcome) {
        Optional<Refusal> noAgenda = agendaRefusal(type);
        if (noAgenda.isPresent()) {
            return noAgenda;
        }
        boolean consented = consent == Consent.GIVEN;
        if (outcome.adoptsPlan() && !type.mayAdoptPlans()) {
            return Optional.of(new Refusal("no-plan-without-consent", type.label() + "（社会福祉法第106条の6）は本人の"
                    + "同意がなくても情報共有と見守りを行う場で、プランは決定しません。本人の同意を得て重層的支援会議で"
                    + "検討してください。", "a " + type.label() + " (社会福祉法第106条の6) shares information and sets "
                    + "watch-over without the person's consent; it never adopts a plan. Obtain consent and review the "
                    + "case in a 重層的支援会議."));
        }
        if (type.mayAdoptPlans() && !consented && outcome.adoptsPlan()) {
            return Optional.of(new Refusal("no-plan-without-consent", "本人の同意が記録されていません（"
                    + consent.label() + "）。プランは本人の同意がある場合にだけ決定します。", "no consent is recorded ("
                    + consent + "), and a plan is adopted only with the person's consent"));
        }
        if (type.mayAdoptPlans() && !consented && needsConsentHere(outcome)) {
            return Optional.of(new Refusal("no-sharing-without-consent", "本人の同意が記録されていません（"
                    + consent.label() + "）。" + type.label() + "は本人の同意がある事例だけを検討します。同意のない事例"
                    + "の情報共有・見守りは支援会議（社会福祉法第106条の6）で行ってください。", "no consent is recorded ("
                    + consent + "): a " + type.label() + " discusses a case only with the person's consent; without "
                    + "it, information is shared (and watch-over set) in a 支援会議 (社会福祉法第106条の6)"));
        }
        return Optional.empty();
    }

    /** In a 重層的支援会議, which outcomes rest on the person's consent. */
    private static boolean needsConsentHere(ReviewOutcome outcome) {
        return switch (outcome) {
            // each shares the person's information among the agencies (or keeps sharing it) or builds a plan on it
            case PLAN, REPLAN, SHARE_INFO, WATCH, CONTINUE -> true;
            // 終結 ends the support and the sharing: what a withdrawn consent asks for, so it needs none
            case CLOSE -> false;
        };
    }

    /**
     * Whether a 再プラン has a plan to revise: a REPLAN of a type the case has no running plan of is refused (adopt a
     * plan instead); any other outcome has nothing to check here.
     */
    public static Optional<Refusal> replanRefusal(ReviewOutcome outcome, PlanType type, boolean runningPlanOfType) {
        if (outcome != ReviewOutcome.REPLAN || type == null || runningPlanOfType) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("nothing-to-replan", "再プランは実施中の" + type.label() + "を見直すものですが、"
                + "このケースには実施中の" + type.label() + "がありません。新たに作る場合は結果をプラン作成（PLAN）に"
                + "してください。", "a 再プラン (REPLAN) revises the case's running " + type.label() + ", and the case "
                + "has none: adopt a plan (PLAN) instead"));
    }

    /** Every refusal these rules can give, once each (for the problem documents' Japanese). */
    public static List<Refusal> refusals() {
        Set<Refusal> all = new LinkedHashSet<>();
        for (MeetingType type : MeetingType.values()) {
            for (Consent consent : Consent.values()) {
                for (ReviewOutcome outcome : ReviewOutcome.values()) {
                    refusal(type, consent, outcome).ifPresent(all::add);
                }
            }
        }
        for (PlanType type : PlanType.values()) {
            replanRefusal(ReviewOutcome.REPLAN, type, false).ifPresent(all::add);
        }
        return new ArrayList<>(all);
    }
}
