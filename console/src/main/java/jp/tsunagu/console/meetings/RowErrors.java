package jp.tsunagu.console.meetings;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.console.view.FormErrors;

import java.util.List;

/**
 * A form's errors (FormErrors) with the rows of the minutes: {@code errors.review(1, 'outcome')} is the message about
 * the second review's outcome, {@code errors.role(1, 0, 'agencyId')} about its first role's agency.
 */
@TemplateData
public record RowErrors(FormErrors all) {

    public static final RowErrors NONE = new RowErrors(FormErrors.NONE);

    public boolean any() {
        return all.any();
    }

    public int count() {
        return all.count();
    }

    public List<FormErrors.Link> links() {
        return all.links();
    }

    public String get(String field) {
        return all.get(field);
    }

    public String attendee(int row, String name) {
        return all.get("attendees[" + row + "]." + name);
    }

    public String review(int row, String name) {
        return all.get("reviews[" + row + "]." + name);
    }

    /** The message about the note of the form's {@code k}-th household (世帯としての検討). */
    public String household(int k) {
        return all.get("households[" + k + "].note");
    }

    public String role(int row, int role, String name) {
        return all.get("reviews[" + row + "].roles[" + role + "]." + name);
    }
}
