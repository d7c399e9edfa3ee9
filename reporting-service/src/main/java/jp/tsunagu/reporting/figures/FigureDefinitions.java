package jp.tsunagu.reporting.figures;

/**
 * Which definition each disputed figure uses. The contract's (and the live tables') are {@link #CONTRACT}; an
 * analyst can replay the log under another set to see what the table would have said, without touching the live
 * figures.
 *
 * @param casesHandled what 取扱件数 counts: every review (延べ, the contract) or each case once a year
 * @param made         what 作成件数 counts: plans created plus revisions (the contract) or new plans only
 */
public record FigureDefinitions(CasesHandled casesHandled, Made made) {

    public enum CasesHandled { REVIEWS, DISTINCT_CASES }

    public enum Made { CREATED_AND_REVISED, CREATED_ONLY }

    public static final FigureDefinitions CONTRACT = new FigureDefinitions(CasesHandled.REVIEWS,
            Made.CREATED_AND_REVISED);

    public FigureDefinitions {
        casesHandled = casesHandled == null ? CasesHandled.REVIEWS : casesHandled;
        made = made == null ? Made.CREATED_AND_REVISED : made;
    }
}
