package jp.tsunagu.routing.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One notice's delivery to a subscription, with every attempt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WebhookDelivery")
public record Delivery(
        @Schema(description = "The notice's id, also its webhook-id") String noticeId,
        @Schema(description = "The notice's CloudEvents type") String type,
        String caseId,
        @Schema(description = "PENDING (to be tried again), DELIVERED, or FAILED (retried for the whole retry "
                + "window)") String state,
        int attempts,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> history) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WebhookAttempt")
    public record Attempt(int attempt, Instant at,
                          @Schema(description = "The receiver's HTTP status; absent when none came") Integer status,
                          String error, int durationMs) {
    }
}
