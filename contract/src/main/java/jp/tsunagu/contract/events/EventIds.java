package jp.tsunagu.contract.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The ids of events whose id is derived rather than drawn at random, one method per kind. An id here is a promise:
 * a writer that dies after Kafka acknowledged an event and runs again publishes the same thing under the same id, and
 * every consumer's ledger skips the copy. So the forms below never change once an event has been written with them
 * ({@code EventIdsTest} pins each one).
 */
public final class EventIds {

    private EventIds() {
    }

    // intake-service

    public static String referralReceived(String caseId) {
        return caseId + "/referral-received";
    }

    /** @param request a fingerprint of the caller and Idempotency-Key that recorded it */
    public static String consentRecorded(String caseId, String request) {
        return caseId + "/consent/" + request;
    }

    /** The list's account of an imported case ({@code case-imported}): one per case, however often the file comes. */
    public static String caseImported(String caseId) {
        return caseId + "/case-imported";
    }

    public static String personErased(String caseId) {
        return caseId + "/person-erased";
    }

    /**
     * A coordinator's decision on whether the case is a duplicate (confirmed or dismissed).
     *
     * @param request a fingerprint of the caller and Idempotency-Key that recorded it
     */
    public static String duplicateDecided(String caseId, String request) {
        return caseId + "/duplicate/" + request;
    }

    // routing-service

    /** The case's {@code seq}-th routing decision (routed, escalated, outreach). */
    public static String routingDecision(String caseId, int seq) {
        return caseId + "/routing/" + seq;
    }

    /** What happened to that decision: {@code accepted}, {@code declined}, {@code overdue}. */
    public static String routingAnswer(String caseId, int seq, String what) {
        return routingDecision(caseId, seq) + "/" + what;
    }

    // meeting-service

    /** A case put on an agenda because of the event {@code causeId} (its escalation). */
    public static String queued(String causeId) {
        return causeId + "/queued";
    }

    /** A case moved to the other track because of the event {@code causeId} (consent recorded). */
    public static String requeued(String causeId) {
        return causeId + "/requeued";
    }

    public static String meetingScheduled(String meetingId) {
        return "meeting/" + meetingId + "/scheduled";
    }

    /** Agencies invited to a meeting: one event per set of agencies added. */
    public static String membersInvited(String meetingId, Collection<String> added) {
        return "meeting/" + meetingId + "/invited/" + shortHash(String.join(",", new TreeSet<>(added)));
    }

    public static String minutesRecorded(String meetingId) {
        return "meeting/" + meetingId + "/minutes";
    }

    public static String caseReviewed(String meetingId, String caseId) {
        return "meeting/" + meetingId + "/review/" + caseId;
    }

    /** The {@code version}-th version of a meeting's minutes (a correction; version 1 is the recording). */
    public static String minutesAmended(String meetingId, int version) {
        return minutesRecorded(meetingId) + "/v" + version;
    }

    public static String caseReviewAmended(String meetingId, String caseId, int version) {
        return caseReviewed(meetingId, caseId) + "/v" + version;
    }

    /** A case on a held meeting's agenda but not reviewed, moved to the next meeting. */
    public static String carriedOver(String meetingId, String caseId) {
        return "meeting/" + meetingId + "/carried/" + caseId;
    }

    /** A waiting case put on the agenda of a meeting just scheduled. */
    public static String attached(String meetingId, String caseId) {
        return "meeting/" + meetingId + "/attached/" + caseId;
    }

    // planning-service

    public static String planCreated(String planId) {
        return "plan/" + planId + "/created";
    }

    public static String planRevised(String planId, int version) {
        return "plan/" + planId + "/v" + version;
    }

    public static String planClosed(String planId) {
        return "plan/" + planId + "/closed";
    }

    /** Details completed in a plan's version: each detail is completed once, so the details name the event. */
    public static String planDetailsCompleted(String planId, int version, Collection<String> details) {
        return planRevised(planId, version) + "/details/" + String.join("+", new TreeSet<>(details));
    }

    public static String planReviewDue(String planId, int version) {
        return planRevised(planId, version) + "/review-due";
    }

    public static String placementMade(String placementId) {
        return "placement/" + placementId + "/made";
    }

    public static String placementFollowedUp(String followUpId) {
        return "follow-up/" + followUpId;
    }

    /** The first 16 hex digits of the text's SHA-256: names a set of values in an id of bounded length. */
    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
