package jp.tsunagu.routing.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code POST /subscriptions}. */
@Schema(name = "WebhookSubscriptionRequest")
public record SubscriptionRequest(
        @Schema(description = "https URL of the agency's receiver", required = true) String url,
        @Schema(description = "Notice codes to receive (case-routed, answer-due, case-taken-away, "
                + "meeting-invitation, plan-role, plan-review-due; about the cases your agency referred: "
                + "referral-accepted, referral-declined, referral-passed-on, referral-escalated); absent or empty: "
                + "all") List<String> eventTypes) {
}
