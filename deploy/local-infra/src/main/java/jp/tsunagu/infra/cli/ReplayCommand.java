package jp.tsunagu.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.infra.LocalPorts;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code ./tsunagu replay}: starts a replay of reporting's projections from offset 0 (POST /replays), shows its
 * progress until it is done, and says whether every rebuilt figure equals the live one.
 */
public final class ReplayCommand {

    private final LocalApi api;
    private final URI reporting;
    private final PrintStream out;

    public ReplayCommand(Supplier<String> analystToken, LocalPorts ports, PrintStream out) {
        this.api = new LocalApi(analystToken);
        this.reporting = ports.service("reporting-service");
        this.out = out;
    }

    /**
     * @param municipality the analyst's municipality (the answer is its part of the replay)
     * @param casesHandled REVIEWS or DISTINCT_CASES, or null for the live definition
     * @param made         CREATED_AND_REVISED or CREATED_ONLY, or null
     * @return the exit status: 0 when the figures are equal
     */
    public int run(String municipality, String casesHandled, String made) throws InterruptedException {
        ObjectNode body = LocalApi.JSON.createObjectNode();
        if (casesHandled != null) {
            body.put("casesHandled", casesHandled);
        }
        if (made != null) {
            body.put("made", made);
        }
        LocalApi.Answer started = api.post(reporting.resolve("/replays"), body, null);
        String id = started.body().path("replayId").asText(null);
        if (started.status() / 100 != 2 || id == null) {
            throw new LocalApi.CommandFailed("the replay did not start (" + started.status() + "): " + started.text());
        }
        out.println("Replay " + id + ": rebuilding reporting's projections from offset 0 into fresh tables");
        JsonNode view;
        String status;
        do {
            Thread.sleep(Duration.ofSeconds(1));
            view = api.get(reporting.resolve("/replays/" + id)).body();
            status = view.path("status").asText("?");
            out.printf("\r  %-11s %s / %s events, %s events/s, %s s left   ", status, view.path("eventsDone").asText("?"),
                    view.path("eventsTotal").asText("?"), view.path("eventsPerSecond").asText("?"),
                    view.path("secondsLeft").asText("?"));
            out.flush();
        } while (!status.equals("DONE") && !status.equals("FAILED"));
        out.println();
        if (status.equals("FAILED")) {
            throw new LocalApi.CommandFailed("the replay failed: " + view.path("failure").asText("(no reason given)"));
        }
        if (!view.path("figuresEqual").asBoolean(false)) {
            out.println("The rebuilt figures differ from the live ones:");
            out.println(view.toPrettyString());
            return 1;
        }
        out.println("Every figure of " + municipality + " rebuilt from the log equals the live one.");
        if (view.path("figuresUnderDefinitions").isObject()) {
            out.println("Under the definitions asked for: GET " + reporting.resolve("/replays/" + id)
                    + " (an analyst's token: ./tsunagu token analyst)");
        }
        return 0;
    }
}
