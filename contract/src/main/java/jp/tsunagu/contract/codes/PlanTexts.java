package jp.tsunagu.contract.codes;

/**
 * How long a plan's texts may be, in characters (code points, after stripping), for every service that takes them:
 * planning-service, which keeps the plan, and meeting-service, whose minutes of a PLAN or REPLAN outcome record the same
 * texts that the console then copies into the plan (typed once). One limit for both, so that words the minutes took are
 * never refused later when they reach the plan (a minutes' wish of 2,000 characters met a plan's limit of 500 and
 * waited in プランへの反映待ち for good).
 */
public final class PlanTexts {

    private PlanTexts() {
    }

    /** 本人の願い（本人の希望）: the person's wish, in their words. */
    public static final int WISH = 500;

    /** One goal (目標). */
    public static final int GOAL = 300;

    /** How many goals a plan (and a review's terms) may have. */
    public static final int GOALS = 20;

    /** What one agency takes on (役割分担の内容). */
    public static final int RESPONSIBILITY = 200;
}
