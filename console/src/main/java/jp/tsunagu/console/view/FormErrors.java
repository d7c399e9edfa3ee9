package jp.tsunagu.console.view;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's field errors as a form shows them: beside each input, and all together at the top, each linking to its
 * input ({@code person.name} → {@code #f-person-name}).
 *
 * @param byField the message by the form's field name; a message about no field is under {@code ""}
 * @param labels  the inputs' labels as the form shows them, to say in the summary which input a message is about
 */
@TemplateData
public record FormErrors(Map<String, String> byField, Map<String, String> labels) {

    public static final FormErrors NONE = new FormErrors(Map.of(), Map.of());

    private static final Pattern MEMBER = Pattern.compile("^household\\[(\\d+)]\\.(\\w+)$");

    public FormErrors(Map<String, String> byField) {
        this(byField, Map.of());
    }

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
        byField.forEach((field, message) -> links.add(new Link(field.isEmpty() ? null : anchor(field),
                label(field).map(l -> l + "：" + message).orElse(message))));
        return links;
    }

    /** The input's label; a household row's as 世帯員2の年齢. */
    private Optional<String> label(String field) {
        Matcher m = MEMBER.matcher(field);
        if (m.matches() && labels.containsKey("household." + m.group(2))) {
            return Optional.of("世帯員" + (Integer.parseInt(m.group(1)) + 1) + "の" + labels.get("household." + m.group(2)));
        }
        return Optional.ofNullable(labels.get(field));
    }

    /** The id of the input named {@code field}. */
    public static String anchor(String field) {
        return "f-" + field.replace("].", "-").replace('[', '-').replace(']', '-').replace('.', '-');
    }
}
