package jp.tsunagu.console.cases;

import jakarta.ws.rs.QueryParam;

/**
 * What the case page was sent back to say after a form (a redirect after a POST): the referral sent, the answer
 * given, the duplicate decided, the household linked, dismissed or left.
 */
public class CaseNotices {

    @QueryParam("sent") String sent;
    @QueryParam("answered") String answered;
    @QueryParam("duplicate") String duplicate;
    /** linked, dismissed or unlinked (世帯). */
    @QueryParam("household") String household;
}
