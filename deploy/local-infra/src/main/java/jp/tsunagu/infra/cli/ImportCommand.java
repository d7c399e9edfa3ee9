package jp.tsunagu.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tsunagu.infra.LocalPorts;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ./tsunagu import FILE [--dry-run]}: sends a city's caseload sheet (.xlsx or CSV) to intake-service's
 * {@code POST /imports} as a coordinator, shows its progress, prints what it found or did in Japanese and writes the
 * problem report next to the file. The checks and the import are intake's; this only sends and reads.
 */
public final class ImportCommand {

    /** Exit statuses: clean, problems found (or rows skipped), the file refused or the import failed. */
    public static final int CLEAN = 0, PROBLEMS = 1, REFUSED = 2;

    private static final Set<String> RUNNING = Set.of("CHECKING", "IMPORTING");

    private final LocalApi api;
    private final URI intake;
    private final PrintStream out;

    public ImportCommand(Supplier<String> coordinatorToken, LocalPorts ports, PrintStream out) {
        this.api = new LocalApi(coordinatorToken);
        this.intake = ports.service("intake-service");
        this.out = out;
    }

    /**
     * @param charset UTF-8 or Shift_JIS, or null to let intake tell
     */
    public int run(Path file, boolean dryRun, boolean skipBadRows, String charset) throws InterruptedException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LocalApi.CommandFailed("cannot read " + file + ": " + e.getMessage());
        }
        String query = "mode=" + (dryRun ? "check" : "import") + "&skipBadRows=" + skipBadRows
                + (charset == null ? "" : "&charset=" + URLEncoder.encode(charset, StandardCharsets.UTF_8));
        LocalApi.Answer started = api.postFile(intake.resolve("/imports?" + query), bytes,
                file.getFileName().toString());
        String id = started.body().path("importId").asText(null);
        if (started.status() != 202 || id == null) {
            throw new LocalApi.CommandFailed("intake did not take the file (" + started.status() + "): "
                    + started.body().path("detail").asText(started.text()));
        }
        out.println((dryRun ? "確認" : "取込") + " " + id + ": " + file.getFileName());
        JsonNode job;
        do {
            Thread.sleep(Duration.ofSeconds(1));
            job = api.get(intake.resolve("/imports/" + id)).body();
            out.printf("\r  %-12s 確認 %s / %s 行、取込 %s 行   ", job.path("stateLabel").asText("?"),
                    job.path("rowsChecked").asText("0"), job.path("rows").asText("?"), job.path("rowsDone").asText("0"));
            out.flush();
        } while (RUNNING.contains(job.path("state").asText()));
        out.println();
        return summary(file, id, job);
    }

    private int summary(Path file, String id, JsonNode job) {
        String state = job.path("state").asText();
        if (state.equals("REFUSED")) {
            out.println("読めませんでした: " + job.path("refusal").asText(job.path("stateLabel").asText()));
            return REFUSED;
        }
        if (state.equals("INTERRUPTED") || state.equals("FAILED")) {
            out.println(job.path("stateLabel").asText() + ": 同じファイルをもう一度取り込むと、続きから取り込みます");
            return REFUSED;
        }
        out.printf("行数 %d、問題のある行 %d、取込済みだった行 %d%n", job.path("rows").asInt(),
                job.path("rowsWithProblems").asInt(), job.path("alreadyImported").asInt());
        JsonNode would = job.path("wouldCreate");
        if (would.isObject()) {
            out.printf("作られる（作られた）もの: 案件 %d、規則でつなぐ %d、担当機関へ %d、受入 %d、多機関協働へ %d、アウトリーチ %d、"
                            + "プラン %d、終結 %d%n", would.path("cases").asInt(), would.path("routedByRules").asInt(),
                    would.path("routed").asInt(), would.path("accepted").asInt(), would.path("escalated").asInt(),
                    would.path("outreach").asInt(), would.path("plans").asInt(), would.path("closed").asInt());
            for (JsonNode year : would.path("byFiscalYear")) {
                out.printf("  %s: 案件 %d、プラン作成 %d、終結 %d%n", year.path("label").asText(), year.path("cases").asInt(),
                        year.path("plansMade").asInt(), year.path("plansClosed").asInt());
            }
        }
        if (state.equals("DONE")) {
            out.printf("取り込みました: 新しい案件 %d、飛ばした行 %d%n", job.path("created").asInt(), job.path("skipped").asInt());
        }
        int problems = job.path("problemCount").asInt() + job.path("possibleDuplicates").size();
        if (problems > 0) {
            Path report = file.resolveSibling(stem(file) + "-取込結果-" + id.substring(0, Math.min(8, id.length()))
                    + ".csv");
            try {
                Files.write(report, api.getBytes(intake.resolve("/imports/" + id + "/report.csv")));
                out.println("問題と同一人物の可能性の一覧: " + report + "（Excelで開けます）");
            } catch (IOException e) {
                out.println("一覧を書けませんでした (" + e.getMessage() + "): GET " + intake.resolve("/imports/" + id
                        + "/report.csv"));
            }
        }
        return switch (state) {
            case "CHECKED", "DONE" -> job.path("problemCount").asInt() == 0 ? CLEAN : PROBLEMS;
            default -> PROBLEMS;
        };
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
