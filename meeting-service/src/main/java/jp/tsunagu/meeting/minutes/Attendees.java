package jp.tsunagu.meeting.minutes;

import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who attended, as the minutes and their corrections take it, without Quarkus: each a person with her agency or her
 * organisation (one of the two), or an agency alone (older minutes). The same person twice is kept once.
 */
public final class Attendees {

    static final int NAME_MAX = 50;
    static final int ORGANISATION_MAX = 100;

    private Attendees() {
    }

    /** The attendees given, checked; errors are named {@code attendees[i]…}. */
    static List<Attendee> check(List<Attendee> given, Set<String> agencies, List<FieldError> errors) {
        LinkedHashSet<Attendee> valid = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Attendee a = given.get(i);
            String at = "attendees[" + i + "]";
            if (a == null) {
                errors.add(new FieldError(at, "required: an agency id or {name, agencyId or organisation}"));
                continue;
            }
            // a form's empty field is no value
            String name = Params.text(a.name(), at + ".name", NAME_MAX, false, errors);
            String organisation = Params.text(a.organisation(), at + ".organisation", ORGANISATION_MAX, false,
                    errors);
            String agencyId = a.agencyId() == null || a.agencyId().isBlank() ? null : a.agencyId().strip();
            if (agencyId != null && organisation != null) {
                errors.add(new FieldError(at + ".organisation", "give agencyId or organisation, not both"));
            } else if (agencyId != null && !agencies.contains(agencyId)) {
                errors.add(new FieldError(a.name() == null && a.organisation() == null ? at : at + ".agencyId",
                        "not an agency of this municipality (GET /agencies)"));
            } else if (agencyId == null && organisation == null) {
                errors.add(new FieldError(at + ".agencyId", "required: the attendee's agency, or her organisation "
                        + "when it is not an agency of the directory"));
            } else if (agencyId == null && name == null) {
                errors.add(new FieldError(at + ".name", "required with an organisation"));
            } else {
                valid.add(new Attendee(name, agencyId, organisation));
            }
        }
        return List.copyOf(valid);
    }
}
