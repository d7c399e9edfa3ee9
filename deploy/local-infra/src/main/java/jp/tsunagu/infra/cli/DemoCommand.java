package jp.tsunagu.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.infra.LocalPorts;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./tsunagu demo}: posts the seeds' two example cases (Aさん, Cさん) as a 地域包括支援センター would, then shows
 * where routing sent each. Idempotent: the same Idempotency-Key answers the same case again.
 */
public final class DemoCommand {

    private static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("demo-a-san", """
                {"channel":"OUTREACH","person":{"name":"A","age":24,"area":"荒木"},"concerns":["HIKIKOMORI","ISOLATION"],
                 "consent":"UNKNOWN","urgency":"ROUTINE","hardToReach":true,
                 "summary":"長期のひきこもり。地域のカフェには来られるかもしれない。"}""");
        CASES.put("demo-c-san", """
                {"channel":"AGENCY","person":{"name":"C","age":45,"area":"篠山"},
                 "household":[{"relation":"PARENT","age":78,"concerns":["DEMENTIA"]}],
                 "concerns":["MENTAL_HEALTH","POVERTY","ELDER_CARE"],"consent":"GIVEN","urgency":"ROUTINE"}""");
    }

    private static final Map<String, String> WHO = Map.of(
            "demo-a-san", "Aさん (20s, long-term recluse, will not come to the desk)",
            "demo-c-san", "Cさん (40s, depression, unstable income, lives with a parent with dementia)");

    private final LocalApi api;
    private final LocalPorts ports;
    private final PrintStream out;

    public DemoCommand(Supplier<String> agencyToken, LocalPorts ports, PrintStream out) {
        this.api = new LocalApi(agencyToken);
        this.ports = ports;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        URI intake = ports.service("intake-service");
        URI routing = ports.service("routing-service");
        for (var demo : CASES.entrySet()) {
            out.println(WHO.get(demo.getKey()) + ":");
            LocalApi.Answer posted = api.post(intake.resolve("/referrals"), LocalApi.JSON.readTree(demo.getValue()),
                    demo.getKey());
            out.println("  POST /referrals → " + posted.status() + " " + posted.text());
            String caseId = posted.body().path("caseId").asText(null);
            if (caseId == null) {
                throw new LocalApi.CommandFailed("intake-service did not take the referral");
            }
            URI routingOfCase = routing.resolve("/cases/" + caseId + "/routing");
            JsonNode decided = awaitRouting(routingOfCase);
            out.println("  routing (GET " + routingOfCase + "):");
            out.println(decided.toPrettyString().indent(4).stripTrailing());
        }
    }

    /** Routing decides within moments of the referral; this waits up to 30 s for the decision to be readable. */
    private JsonNode awaitRouting(URI uri) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            LocalApi.Answer a = api.get(uri);
            if (a.status() == 200) {
                return a.body();
            }
            if (Instant.now().isAfter(until)) {
                throw new LocalApi.CommandFailed("no routing decision after 30 s (" + a.status() + " " + a.text()
                        + "); see ./tsunagu logs routing-service");
            }
            Thread.sleep(500);
        }
    }
}
