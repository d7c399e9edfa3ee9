package jp.tsunagu.meeting.minutes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

/**
 * Who attended a meeting, as a city files it: a person with the agency she came from (an agency of the directory),
 * or with her organisation when it is none (the city's own 担当課, a 民生委員). Minutes written before people were
 * named hold agencies alone (no name). A staff member's name is not the person's data: it stays in the minutes and
 * never reaches an event (events carry the attending agencies' ids).
 *
 * @param name         氏名, e.g. 山田 花子 (absent: the agency attended, nobody named)
 * @param agencyId     the agency of the directory she represents
 * @param organisation where she comes from when it is not an agency of the directory, e.g. 久留米市 地域福祉課
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Attendee", description = "A person who attended, with her agency (agencyId) or, when it is not an "
        + "agency of the directory, her organisation. A bare agency id string is also accepted (an agency attended, "
        + "nobody named), as minutes were written before 2026-12.")
public record Attendee(@Schema(description = "氏名, at most 50 characters", example = "山田 花子") String name,
                       @Schema(description = "An agency of the municipality (GET /agencies)",
                               example = "kurume-houkatsu-01") String agencyId,
                       @Schema(description = "Her organisation when it is not an agency of the directory, at most 100 "
                               + "characters", example = "久留米市 地域福祉課") String organisation) {

    @JsonCreator
    public Attendee(@JsonProperty("name") String name, @JsonProperty("agencyId") String agencyId,
                    @JsonProperty("organisation") String organisation) {
        this.name = name;
        this.agencyId = agencyId;
        this.organisation = organisation;
    }

    /** An agency that attended with nobody named: {@code "kurume-houkatsu-01"} as older minutes give it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Attendee agency(String agencyId) {
        return new Attendee(null, agencyId, null);
    }

    /** The agencies the attendees came from, each once, in order: who may read the meeting, what events carry. */
    public static List<String> agencyIds(List<Attendee> attendees) {
        return attendees.stream().map(Attendee::agencyId).filter(Objects::nonNull).distinct().toList();
    }

    /**
     * As the 議事録 prints it: 氏名（機関名）, the agency or organisation alone when nobody is named.
     *
     * @param agencyName the directory's name of the agency (null when it no longer lists it: the id is shown)
     */
    public String display(String agencyName) {
        String from = agencyId != null ? (agencyName != null ? agencyName : agencyId) : organisation;
        if (name == null) {
            return from == null ? "" : from;
        }
        return from == null ? name : name + "（" + from + "）";
    }

    @Override
    public String toString() {
        return "Attendee[" + agencyId + ", " + organisation + ", name not shown]";
    }
}
