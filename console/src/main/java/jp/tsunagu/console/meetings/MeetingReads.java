package jp.tsunagu.console.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.console.services.Answer;
import jp.tsunagu.console.services.MeetingApi;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceCalls;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Municipalities;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What every meeting page reads from meeting-service and the directory, and how it says a meeting is not hers. */
@ApplicationScoped
public class MeetingReads {

    /** Meeting ids as meeting-service makes them ({@code 402036-JUUSOU_SHIEN_KAIGI-2026-12-23}, {@code m-…}). */
    private static final Pattern MEETING_ID = Pattern.compile("[A-Za-z0-9_-]{1,120}");

    private final MeetingApi meetings;
    private final ServiceCalls calls;
    private final Municipalities municipalities;
    private final ObjectMapper json;

    public MeetingReads(@RestClient MeetingApi meetings, ServiceCalls calls, Municipalities municipalities,
                        ObjectMapper json) {
        this.meetings = meetings;
        this.calls = calls;
        this.municipalities = municipalities;
        this.json = json;
    }

    /** An agency of the municipality's directory, for the lists of a form. */
    @TemplateData
    public record Agency(String id, String name) {
    }

    /**
     * The meeting with its agenda and minutes; not hers (a 支援会議 she is no member of, another city's, none such) is
     * the console's 404, never passed to meeting-service when the id is no meeting id.
     */
    public JsonNode meeting(String meetingId) {
        requireId(meetingId);
        Answer answer = calls.call(Service.MEETING, () -> meetings.meeting(meetingId));
        if (answer.status() == 404 || answer.status() == 410) {
            throw new NotAMeeting();
        }
        if (!answer.ok()) {
            throw new Refused(answer.status());
        }
        return answer.body();
    }

    static void requireId(String meetingId) {
        if (meetingId == null || !MEETING_ID.matcher(meetingId).matches()) {
            throw new NotAMeeting();
        }
    }

    /** The cases waiting for a review (coordinators); null when they cannot be read now (the page says so). */
    public JsonNode waiting(String track) {
        try {
            Answer answer = calls.call(Service.MEETING, () -> meetings.waiting(track));
            return answer.ok() ? answer.body() : null;
        } catch (ServiceUnavailable e) {
            return null;
        }
    }

    /** The municipality's agencies in the directory's order. */
    public List<Agency> agencies(String municipality) {
        List<Agency> agencies = new ArrayList<>();
        municipalities.of(municipality).ifPresent(d -> d.agencies().forEach(a -> agencies.add(
                new Agency(a.id(), a.name()))));
        return agencies;
    }

    public String agencyName(String municipality, String agencyId) {
        return municipalities.agencyName(municipality, agencyId);
    }

    /** Each agency's name by id, for the names of a problem's list items. */
    public Map<String, String> agencyNames(String municipality) {
        Map<String, String> names = new LinkedHashMap<>();
        agencies(municipality).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    /** A service's JSON as templates read it (maps and lists). */
    public Object tree(JsonNode node) {
        return node == null ? null : json.convertValue(node, Object.class);
    }

    /** The meeting does not exist, or is not hers to see (meeting-service never says which). */
    public static class NotAMeeting extends RuntimeException {
        public NotAMeeting() {
            super("meeting not found or not visible", null, false, false);
        }
    }
}
