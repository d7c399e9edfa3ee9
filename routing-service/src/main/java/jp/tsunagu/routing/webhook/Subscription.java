package jp.tsunagu.routing.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A webhook subscription as its agency reads it; the secret only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WebhookSubscription")
public record Subscription(
        String id,
        String url,
        @Schema(description = "Notice codes it receives; empty: all") List<String> eventTypes,
        @Schema(description = "ACTIVE or DISABLED") String state,
        @Schema(description = "Why it was disabled") String disabledReason,
        @Schema(description = "Failed attempts since the last delivered one") int consecutiveFailures,
        Instant createdAt,
        @Schema(description = "whsec_…: verify each notice's webhook-signature with it (Standard Webhooks); "
                + "shown once, when the subscription is made") String secret) {

    public Subscription withoutSecret() {
        return new Subscription(id, url, eventTypes, state, disabledReason, consecutiveFailures, createdAt, null);
    }
}
