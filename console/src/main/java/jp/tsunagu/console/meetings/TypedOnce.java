package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.PlanningApi;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the minutes' wish, goals, review date and roles' words into the plans the meeting made
 * ({@link PlanDetails}), with the signed-in coordinator's token, in the same step as the minutes or their
 * correction: it waits a little for planning-service to make each plan from the review's event, then completes it. A plan that does not appear in time
 * stays for later (the meeting page says プランへの反映待ち and does it on request, reading the words back from
 * meeting-service): nothing is typed twice and nothing is lost.
 */
@ApplicationScoped
public class TypedOnce {

    /** How long the coordinator waits, at most, for planning to make the plans after she sent the minutes. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Pauses between reads of the case's plans: soon at first, then every 2 s (each read is audited by planning). */
    private static final long[] PAUSES_MS = {300, 700, 1000, 2000};

    private final PlanningApi planning;
    private final ServiceCalls calls;
    private final ObjectMapper json;

    public TypedOnce(@RestClient PlanningApi planning, ServiceCalls calls, ObjectMapper json) {
        this.planning = planning;
        this.calls = calls;
        this.json = json;
    }

    /**
     * A review whose plan is not complete yet, or was refused.
     *
     * @param refusal planning's words when it refused the details (null while only waiting)
     */
    @TemplateData
    public record Pending(String caseId, String caseNumber, String planType, boolean waiting, String refusal) {
    }

    /** Completes every plan the meeting's reviews made, waiting up to {@code wait}; what is still pending. */
    public List<Pending> complete(JsonNode meeting, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<JsonNode> open = new ArrayList<>(reviewsWithDetails(meeting));
        List<Pending> refused = new ArrayList<>();
        for (int round = 0; ; round++) {
            List<JsonNode> still = new ArrayList<>();
            for (JsonNode review : open) {
                PlanDetails.State state = state(meeting, review);
                if (state instanceof PlanDetails.State.Missing missing) {
                    String refusal = fill(missing, review.path("caseId").asText());
                    if (refusal != null) {
                        refused.add(pending(review, false, refusal));
                    }
                } else if (state instanceof PlanDetails.State.Waiting) {
                    still.add(review);
                }
            }
            open = still;
            long pause = PAUSES_MS[Math.min(round, PAUSES_MS.length - 1)];
            if (open.isEmpty() || System.nanoTime() + pause * 1_000_000 > deadline) {
                break;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Pending> pending = new ArrayList<>(refused);
        open.forEach(r -> pending.add(pending(r, true, null)));
        return pending;
    }

    /**
     * The reviews whose plan still lacks what the minutes say, now (no waiting): for the meeting page.
     *
     * @throws ServiceUnavailable when planning does not answer (the page says it cannot tell)
     */
    public List<Pending> pending(JsonNode meeting) {
        List<Pending> pending = new ArrayList<>();
        for (JsonNode review : reviewsWithDetails(meeting)) {
            Answer plans = calls.call(Service.PLANNING, () -> planning.ofCase(review.path("caseId").asText()));
            PlanDetails.State state = plans.ok()
                    ? PlanDetails.of(json, meeting.path("meetingId").asText(), review, plans.body())
                    : new PlanDetails.State.Waiting();
            if (!(state instanceof PlanDetails.State.Done)) {
                pending.add(pending(review, state instanceof PlanDetails.State.Waiting, null));
            }
        }
        return pending;
    }

    private static List<JsonNode> reviewsWithDetails(JsonNode meeting) {
        List<JsonNode> reviews = new ArrayList<>();
        meeting.path("reviews").forEach(r -> {
            if (PlanDetails.carriesDetails(r)) {
                reviews.add(r);
            }
        });
        return reviews;
    }

    /** Where the review's plan stands; planning not answering counts as not made yet (the page offers it later). */
    private PlanDetails.State state(JsonNode meeting, JsonNode review) {
        try {
            Answer plans = calls.call(Service.PLANNING, () -> planning.ofCase(review.path("caseId").asText()));
            return plans.ok() ? PlanDetails.of(json, meeting.path("meetingId").asText(), review, plans.body())
                    : new PlanDetails.State.Waiting();
        } catch (ServiceUnavailable e) {
            return new PlanDetails.State.Waiting();
        }
    }

    /**
     * Null when planning took the details (the plan's, and for a household's plan the member's own); else its words
     * why not.
     */
    private String fill(PlanDetails.State.Missing missing, String caseId) {
        try {
            if (!missing.details().isEmpty()) {
                Answer answer = calls.call(Service.PLANNING, () -> planning.completeDetails(missing.planId(),
                        missing.details()));
                if (!answer.ok()) {
                    return refusal(answer);
                }
            }
            if (!missing.subject().isEmpty()) {
                Answer answer = calls.call(Service.PLANNING, () -> planning.completeSubject(missing.planId(), caseId,
                        missing.subject()));
                if (!answer.ok()) {
                    return refusal(answer);
                }
            }
            return null;
        } catch (ServiceUnavailable e) {
            return e.service().labelJa() + "に接続できませんでした。";
        }
    }

    private static String refusal(Answer answer) {
        return String.join("／", answer.fieldErrors().entrySet().stream()
                .map(e -> (e.getKey().isEmpty() ? "" : label(e.getKey()) + "：") + e.getValue()).toList());
    }

    private static String label(String field) {
        return switch (field.replaceAll("\\[\\d+].*", "")) {
            case "wish" -> "本人の希望";
            case "goals" -> "目標";
            case "reviewOn" -> "見直し日";
            case "roles" -> "役割分担";
            default -> field;
        };
    }

    private static Pending pending(JsonNode review, boolean waiting, String refusal) {
        return new Pending(review.path("caseId").asText(), MinutesForm.text(review, "caseNumber"),
                review.path("planType").asText("MULTI_AGENCY"), waiting, refusal);
    }
}
