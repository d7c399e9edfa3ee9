package jp.tsunagu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issue-32 goals of one bench/run as ratios measured inside the run (so that a slower machine cannot hide a
 * regression), kept as one row per run in the "## Ratios per run" table of bench/results.md. A new row is compared
 * with the last recorded value of each ratio (the replay's and its RSS only with a run of a log of the same size: the
 * ratio falls as the log grows), and what got worse is said.
 */
final class Ratios {

    static final String SECTION = "## Ratios per run";

    /**
     * One column: its option name for bench/run, whether a larger value is better, its goal in words, and whether
     * it depends on the synthetic log's size (then a row is compared only with rows of a log of the same size).
     */
    record Figure(String option, String title, boolean higherIsBetter, String goal, boolean perLogSize) { }

    static final List<Figure> FIGURES = List.of(
            new Figure("cpu", "CPU per referral in no-op requests", false, "<= 10", false),
            new Figure("post", "POST /referrals, % of the no-op", true, "", false),
            new Figure("e2e-half", "e2e p99 ms at half capacity", false, "< 200", false),
            new Figure("e2e-10", "e2e p99 ms at 10/s", false, "< 200", false),
            new Figure("replay", "replay, % of decode-only", true, ">= 30, equal", true),
            new Figure("rss-http", "peak RSS MB, HTTP load", false, "< 256", false),
            new Figure("rss-replay", "peak RSS MB, replay", false, "< 256", true));

    private static final Pattern NUMBER = Pattern.compile("^\\s*(-?[0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern LOG_SIZE = Pattern.compile("BENCH_EVENTS=([0-9]+)");
    /** bench/run's default log size, when the command does not set one. */
    private static final String DEFAULT_LOG_SIZE = "1000000";
    private static final String NONE = "—";

    private Ratios() {
    }

    /**
     * Adds the row of this run ({@code run}: date, commit, command; {@code values}: a cell per figure option,
     * missing when its phase did not run) to the table in {@code results} and answers the comparison's lines. A side
     * run (the system's settings changed) is compared but not added: the table is the default system's.
     */
    static List<String> record(Path results, List<String> run, Map<String, String> values, boolean sideRun)
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(results, StandardCharsets.UTF_8));
        int section = lines.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException(results + " has no section \"" + SECTION + "\"");
        }
        int last = section;
        List<List<String>> rows = new ArrayList<>();
        for (int i = section + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).startsWith("|")) {
                last = i;
                List<String> cells = cells(lines.get(i));
                if (cells.size() == 3 + FIGURES.size() && !cells.get(0).startsWith("date") && !cells.get(0).startsWith("-")) {
                    rows.add(cells);
                }
            }
        }
        if (last == section) {
            throw new IllegalStateException("the section \"" + SECTION + "\" of " + results + " has no table header");
        }
        List<String> row = new ArrayList<>(run.stream().map(c -> c.replace('|', '/')).toList());
        FIGURES.forEach(f -> row.add(values.getOrDefault(f.option(), NONE).isBlank() ? NONE
                : values.getOrDefault(f.option(), NONE).replace('|', '/')));
        if (sideRun) {
            List<String> out = new ArrayList<>(List.of("A side run (settings changed): not added to the table."));
            out.addAll(compare(rows, row));
            return out;
        }
        lines.add(last + 1, "| " + String.join(" | ", row) + " |");
        Files.write(results, lines, StandardCharsets.UTF_8);
        return compare(rows, row);
    }

    /** Each figure of {@code now} beside the last recorded row that has it; then the list of what got worse. */
    static List<String> compare(List<List<String>> rows, List<String> now) {
        List<String> out = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        out.add("Ratios of this run against the last recorded value of each (bench/results.md, \"" + SECTION + "\"):");
        for (int f = 0; f < FIGURES.size(); f++) {
            Figure figure = FIGURES.get(f);
            String cell = now.get(3 + f);
            Optional<Double> value = number(cell);
            String goal = figure.goal().isEmpty() ? "" : "   goal " + figure.goal();
            if (value.isEmpty()) {
                out.add(String.format("  %-38s %s (not measured in this run)", figure.title(), NONE));
                continue;
            }
            String events = logSize(now.get(2));
            List<String> before = null;
            for (int r = rows.size() - 1; r >= 0 && before == null; r--) {
                if (number(rows.get(r).get(3 + f)).isPresent()
                        && (!figure.perLogSize() || logSize(rows.get(r).get(2)).equals(events))) {
                    before = rows.get(r);
                }
            }
            if (before == null) {
                out.add(String.format("  %-38s %s (nothing recorded before%s)%s", figure.title(), cell,
                        figure.perLogSize() ? " with a log of " + events + " events" : "", goal));
                continue;
            }
            double was = number(before.get(3 + f)).orElseThrow();
            double change = was == 0 ? 0 : 100 * (value.get() - was) / Math.abs(was);
            boolean gotWorse = figure.higherIsBetter() ? value.get() < was : value.get() > was;
            String verdict = change == 0 ? "same" : (gotWorse ? "WORSE" : "better") + String.format(" by %.1f %%",
                    Math.abs(change));
            out.add(String.format("  %-38s %s  (was %s at %s)  %s%s", figure.title(), cell, before.get(3 + f),
                    before.get(1), verdict, goal));
            if (gotWorse && change != 0) {
                worse.add(String.format("%s %.1f %% (%s → %s, against %s)", figure.title(), Math.abs(change),
                        before.get(3 + f), cell, before.get(1)));
            }
        }
        now.stream().filter(c -> c.contains("NOT equal")).findFirst()
                .ifPresent(c -> worse.add("the replay's figures are NOT equal to the live ones"));
        out.add(worse.isEmpty() ? "Worse than the last recorded run: nothing."
                : "Worse than the last recorded run (a few % is this machine's noise; compare the ceilings too): "
                + String.join("; ", worse) + ".");
        return out;
    }

    /** The synthetic log's size a row's command ran with. */
    static String logSize(String command) {
        Matcher m = LOG_SIZE.matcher(command);
        return m.find() ? m.group(1) : DEFAULT_LOG_SIZE;
    }

    static Optional<Double> number(String cell) {
        Matcher m = NUMBER.matcher(cell);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }
}
