package jp.tsunagu.console.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import jp.tsunagu.console.services.Service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The services' audit trails read together: every entry named by the service that wrote it, newest first, at most
 * {@link #SHOWN}. What is audited, and who may read it, is each service's.
 */
public final class AuditLines {

    /** Entries on one page; narrower dates show the rest. */
    static final int SHOWN = 500;

    private AuditLines() {
    }

    /**
     * One entry: when, which service, who (her user name or client, her agency), what, on what, the outcome, and
     * for a read of many records what it returned (its filter and case ids).
     */
    @TemplateData
    public record Line(String at, String service, String who, String agencyId, String action, String resource,
                       String outcome, String detail) {
        public boolean denied() {
            return !"ALLOWED".equals(outcome);
        }
    }

    /** The lines, newest first; {@code total} says how many there were before the page's limit. */
    @TemplateData
    public record Merged(List<Line> lines, int total) {
        public boolean cut() {
            return total > lines.size();
        }
    }

    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** @param trails each service's answer to {@code GET /audit}, in the order the services are listed */
    public static Merged merge(Map<Service, JsonNode> trails) {
        List<Line> lines = new ArrayList<>();
        trails.forEach((service, entries) -> {
            for (JsonNode e : entries) {
                String who = e.path("username").asText("");
                lines.add(new Line(e.path("at").asText(""), service.labelJa(),
                        who.isBlank() ? e.path("client").asText(e.path("subject").asText("")) : who,
                        e.path("agencyId").asText(null), e.path("action").asText(""),
                        e.path("resource").asText(""), e.path("outcome").asText(""),
                        e.path("detail").asText(null)));
            }
        });
        // equal times keep the services' order
        lines.sort(Comparator.comparing((Line l) -> instant(l.at())).reversed());
        return new Merged(List.copyOf(lines.subList(0, Math.min(SHOWN, lines.size()))), lines.size());
    }
}
