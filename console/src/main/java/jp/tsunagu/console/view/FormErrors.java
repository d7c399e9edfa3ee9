package jp.tsunagu.console.view;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's field errors as a form shows them: beside each input, and all together at the top, each linking to its
 * input ({@code person.name} → {@code #f-person-name}).
 *
 * @param byField the message by the form's field name; a message about no field is under {@code ""}
 */
@TemplateData
public record FormErrors(Map<String, String> byField) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    /** A message in the summary at the top, and the input it is about (null when about none). */
    @TemplateData
    public record Link(String anchor, String message) {
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public int count() {
        return byField.size();
    }

    public String get(String field) {
        return byField.get(field);
    }

    /** The message about a household row's field, e.g. {@code member(1, "age")}. */
    public String member(int row, String name) {
        return byField.get("household[" + row + "]." + name);
    }

    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        byField.forEach((field, message) -> links.add(new Link(field.isEmpty() ? null : anchor(field), message)));
        return links;
    }

    /** The id of the input named {@code field}. */
    public static String anchor(String field) {
        return "f-" + field.replace("].", "-").replace('[', '-').replace(']', '-').replace('.', '-');
    }
}
