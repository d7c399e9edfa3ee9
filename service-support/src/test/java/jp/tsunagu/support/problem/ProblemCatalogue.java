package jp.tsunagu.support.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages the sources of every module can put in a problem document, read from the Java source (for
 * {@link ProblemCatalogueTest}): where a message is made, its literals as written and each variable part as
 * {@link #SAMPLE}.
 */
final class ProblemCatalogue {

    private ProblemCatalogue() {
    }

    /** A variable part of a message: a number, an id, a code, a date, a list all match the table's placeholders. */
    static final String SAMPLE = "2024";

    /** Where a message is made: the call (a regex ending in its opening parenthesis) and which argument it is. */
    record Sink(Pattern call, int argument, String suffix, String onlyIn) {
        static Sink of(String call, int argument) {
            return new Sink(Pattern.compile(call), argument, "", null);
        }
    }

    static final List<Sink> SINKS = List.of(
            Sink.of("new FieldError\\(", 1),
            Sink.of("ApiProblem\\.(?:badRequest|conflict|unprocessable)\\(", 1),
            Sink.of("ApiProblem\\.(?:forbidden|gone|personErased|tooManyRequests|unavailable)\\(", 0),
            new Sink(Pattern.compile("ApiProblem\\.notFound\\("), 0, " was not found", null),
            Sink.of("new ApiProblem\\(", 3),
            new Sink(Pattern.compile("\\bproblem\\("), 1, "", "ProblemMappers.java"),
            new Sink(Pattern.compile("\\brefuse\\("), 4, "", "RequestLimits.java"),
            Sink.of("new (?:Result\\.)?Conflict\\(", 1),
            Sink.of("new (?:Decision\\.)?Refused\\(", 0),
            Sink.of("new CallerRefused\\(", 0),
            new Sink(Pattern.compile("Optional\\.of\\("), 0, "", "BusinessDate.java"),
            new Sink(Pattern.compile("new IllegalArgumentException\\("), 0, "", "FiscalYear.java"));


    record Message(String sample, String where) {
    }

    static List<Message> catalogue() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                // the console writes no problem documents: it shows the services' (already in Japanese) on its pages
                if (module.getFileName().toString().matches("test-support|system-tests|bench|console")) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.put(root.relativize(file).toString(), withoutComments(Files.readString(file)));
                    }
                }
            }
        }
        return messages(sources);
    }

    static List<Message> messages(String file, String source) {
        return messages(Map.of(file, withoutComments(source)));
    }

    /** A {@code static final String NAME = "…";}: its name and expression. */
    static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*([^;]+);");
    /** The header of a method or constructor: its name and parameters. */
    static final Pattern METHOD = Pattern.compile("\\b(\\w+)\\s*\\(([^()]*)\\)\\s*(?:throws[\\w.,\\s]+)?\\{");

    /**
     * The messages of the sources: each sink's message; a method that hands one of its parameters to a sink as the
     * message (a helper such as {@code invalid(name, message)}) is a sink too, and constants are read as their text.
     */
    static List<Message> messages(Map<String, String> sources) {
        Map<String, String> constants = new TreeMap<>();
        sources.values().forEach(code -> {
            Matcher c = CONSTANT.matcher(code);
            while (c.find()) {
                constants.putIfAbsent(c.group(1), c.group(2));
            }
        });
        List<Sink> sinks = new ArrayList<>(SINKS);
        List<Message> found = new ArrayList<>();
        for (int i = 0; i < sinks.size(); i++) {
            Sink sink = sinks.get(i);
            for (Map.Entry<String, String> source : sources.entrySet()) {
                String file = source.getKey();
                String code = source.getValue();
                if (sink.onlyIn() != null && !file.endsWith(sink.onlyIn())) {
                    continue;
                }
                Matcher m = sink.call().matcher(code);
                while (m.find()) {
                    List<String> args = arguments(code, m.end() - 1);
                    if (args.size() <= sink.argument()) {
                        continue;
                    }
                    String message = args.get(sink.argument()).strip();
                    Sink forwarder = forwarder(code, m.start(), message, sink.suffix());
                    if (forwarder != null) {
                        if (sinks.stream().noneMatch(s -> s.call().pattern().equals(forwarder.call().pattern()))) {
                            sinks.add(forwarder);
                        }
                        continue;
                    }
                    String where = file + ":" + (code.substring(0, m.start()).split("\n", -1).length);
                    for (String sample : samples(message, constants)) {
                        if (sample.matches("(?s).*[A-Za-z]{2}.*")) {
                            found.add(new Message(sample + sink.suffix(), where));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** When {@code message} is a parameter of the method around {@code at}: that method, as a sink of it. */
    private static Sink forwarder(String code, int at, String message, String suffix) {
        if (!message.matches("[a-z]\\w*")) {
            return null;
        }
        Matcher header = METHOD.matcher(code);
        String name = null;
        List<String> parameters = List.of();
        while (header.find() && header.start() < at) {
            if (!header.group(1).matches("if|for|while|switch|catch|synchronized|try")) {
                name = header.group(1);
                parameters = split(header.group(2), ',');
            }
        }
        for (int i = 0; name != null && i < parameters.size(); i++) {
            if (parameters.get(i).strip().matches("(final\\s+)?String\\s+" + message)) {
                return new Sink(Pattern.compile("\\b" + name + "\\("), i, suffix, null);
            }
        }
        return null;
    }

    /** The message or messages an expression makes: its literals as written, every other part the sample value. */
    static List<String> samples(String expression, Map<String, String> constants) {
        String e = unwrap(expression.strip().replaceFirst("^(\\(?[\\w, ]*\\)?|\\w+)\\s*->\\s*", ""));
        List<String> branches = ternary(e);
        if (branches != null) {
            List<String> all = new ArrayList<>();
            branches.forEach(b -> all.addAll(samples(b, constants)));
            return all;
        }
        List<String> operands = split(e, '+');
        if (operands.stream().anyMatch(o -> text(o, constants) != null)) {
            List<String> made = List.of("");
            for (String o : operands) { // each operand: its text, each branch of a ternary, or the sample value
                String text = text(o, constants);
                List<String> alternatives = text == null ? ternary(unwrap(o.strip())) : null;
                List<String> options = text != null ? List.of(text) : alternatives == null ? List.of(SAMPLE)
                        : alternatives.stream().flatMap(b -> samples(b, constants).stream()).toList();
                made = made.stream().flatMap(m -> (options.isEmpty() ? List.of(SAMPLE) : options).stream()
                        .map(option -> m + option)).toList();
            }
            return made;
        }
        List<String> nested = new ArrayList<>(); // a call whose arguments make the message: map(..).orElse(..)
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"') {
                i = endOfLiteral(e, i);
            } else if (c == '(') {
                for (String arg : arguments(e, i)) {
                    nested.addAll(samples(arg, constants));
                }
                i = close(e, i);
            }
        }
        return nested;
    }

    /** The text of an operand that is a literal or a constant, else null. */
    private static String text(String operand, Map<String, String> constants) {
        String e = unwrap(operand.strip());
        String constant = e.replaceFirst("^(\\w+\\.)*(?=[A-Z][A-Z0-9_]*$)", "");
        if (constants.containsKey(constant)) {
            List<String> samples = samples(constants.get(constant), constants);
            return samples.isEmpty() ? null : samples.get(0);
        }
        return literal(e);
    }

    private static String unwrap(String e) {
        while (e.startsWith("(") && close(e, 0) == e.length() - 1) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    /** The text of a string literal, or null when the expression is not one. */
    static String literal(String e) {
        if (e.length() < 2 || e.charAt(0) != '"' || endOfLiteral(e, 0) != e.length() - 1 || e.startsWith("\"\"\"")) {
            return null;
        }
        return e.substring(1, e.length() - 1).translateEscapes();
    }

    /** The two branches of a top-level {@code c ? a : b}, or null. */
    private static List<String> ternary(String e) {
        int question = top(e, '?', 0);
        if (question < 0) {
            return null;
        }
        int colon = top(e, ':', question + 1);
        if (colon < 0) {
            return null;
        }
        return List.of(e.substring(question + 1, colon), e.substring(colon + 1));
    }

    private static List<String> split(String e, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = top(e, separator, 0); at >= 0; at = top(e, separator, at + 1)) {
            parts.add(e.substring(from, at));
            from = at + 1;
        }
        parts.add(e.substring(from));
        return parts;
    }

    /** The index of {@code wanted} outside literals and brackets, from {@code from}; -1 when none. */
    private static int top(String e, char wanted, int from) {
        int depth = 0;
        for (int i = from; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(e, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == wanted && depth == 0
                    && !(c == ':' && ((i + 1 < e.length() && e.charAt(i + 1) == ':') || (i > 0 && e.charAt(i - 1) == ':')))) {
                return i;
            }
        }
        return -1;
    }

    /** The arguments of the call whose opening parenthesis is at {@code open}. */
    static List<String> arguments(String code, int open) {
        int end = close(code, open);
        return split(code.substring(open + 1, end), ',');
    }

    /** The index of the bracket closing the one at {@code open}. */
    private static int close(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        return code.length() - 1;
    }

    /** The index of the quote closing the literal opened at {@code start} (a text block's last quote). */
    private static int endOfLiteral(String code, int start) {
        char quote = code.charAt(start);
        if (quote == '"' && code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() - 1 : end + 2;
        }
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return code.length() - 1;
    }

    private static String withoutComments(String source) {
        StringBuilder b = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(source, i);
                b.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
                b.append('\n');
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> b.append('\n'));
                i = end - 1;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
