package jp.tsunagu.support.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static jp.tsunagu.support.problem.ProblemCatalogue.Message;
import static jp.tsunagu.support.problem.ProblemCatalogue.catalogue;
import static jp.tsunagu.support.problem.ProblemCatalogue.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The problem catalogue: every message a service can put in a problem document, as its source writes it, has its
 * Japanese in {@link ProblemJapanese}. The catalogue is read from the sources of every module (contract,
 * service-support and the five services): each place a message is made ({@link #SINKS}: a {@code FieldError}, an
 * {@code ApiProblem}, a rule's refusal or conflict) gives the message with each variable part (a date, a code, an id,
 * a list) replaced by a sample value, and that sample must come out of {@code ProblemJapanese} in Japanese, with no
 * three English words of it left. A new message without its Japanese fails here, naming the file and line. The
 * contract's {@code ReviewRules} refusals carry their own Japanese, which {@code ProblemJapanese} reads from there.
 */
class ProblemCatalogueTest {

    static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    @Test
    void everyMessageOfEveryServiceHasItsJapanese() throws IOException {
        Map<String, String> untranslated = new TreeMap<>();
        List<Message> catalogue = catalogue();
        for (Message m : catalogue) {
            String japanese = ProblemJapanese.detail(m.sample());
            boolean englishLeft = englishLeft(m.sample(), japanese);
            if (japanese.equals(m.sample()) || !JAPANESE.matcher(japanese).find() || englishLeft) {
                untranslated.put(m.sample(), m.where());
            }
        }
        for (int status : new int[]{400, 404, 405, 406}) { // JAX-RS's own answers: the reason phrase is the detail
            String phrase = jakarta.ws.rs.core.Response.Status.fromStatusCode(status).getReasonPhrase();
            if (!JAPANESE.matcher(ProblemJapanese.detail(phrase)).find()) {
                untranslated.put(phrase, "ProblemMappers.web (" + status + ")");
            }
        }
        assertTrue(catalogue.size() > 150, "the catalogue was read: " + catalogue.size() + " messages");
        StringBuilder report = new StringBuilder();
        untranslated.forEach((sample, where) -> report.append("\n  ").append(where).append(": ").append(sample));
        assertEquals(0, untranslated.size(), "messages without Japanese in ProblemJapanese:" + report);
    }

    /** Whether three English words in a row of the message are still in its Japanese (a partial translation). */
    static boolean englishLeft(String english, String japanese) {
        String[] words = english.split("\\s+");
        for (int i = 0; i + 2 < words.length; i++) {
            String three = words[i] + " " + words[i + 1] + " " + words[i + 2];
            if (three.matches("[A-Za-z']+ [a-z']+ [a-z']+") && japanese.contains(three)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theCatalogueReadsMessagesAsTheSourceWritesThem() {
        List<String> samples = messages("x.java", """
                errors.add(new FieldError("person.area", "unknown area; known areas of " + name + ": "
                        + String.join("、", areas)));
                throw ApiProblem.conflict("not-awaiting", ok ? "the case is " + state + ", not waiting" : "gone");
                errors.add(new FieldError(field, meant.map(c -> "codes are written in capitals: " + c.name())
                        .orElse("unknown code; one of " + codes)));
                throw ApiProblem.notFound("case " + id); // "a comment, not a message"
                """).stream().map(Message::sample).toList();
        assertEquals(List.of("unknown area; known areas of 2024: 2024", "codes are written in capitals: 2024",
                "unknown code; one of 2024", "the case is 2024, not waiting", "gone", "case 2024 was not found"),
                samples);
    }

    @Test
    void aMessageNamedByAConstantOrPassedToAHelperIsInTheCatalogue() {
        List<String> samples = messages("x.java", """
                static final String WHOLE = "must be a whole number";
                static ApiProblem invalid(String name, String message) {
                    return ApiProblem.validation(List.of(new FieldError(name, message)));
                }
                void read() {
                    throw invalid("limit", WHOLE);
                }
                """).stream().map(Message::sample).toList();
        assertEquals(List.of("must be a whole number"), samples);
    }
}
