package jp.tsunagu.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's chromium package; {@code ./tsunagu test} installs it when it may use apt-get), for the
 * pages a person looks at: the dashboard, the printed minutes. Loopback only: no background networking.
 */
public final class Chromium {

    private Chromium() {
    }

    /** Runs chromium headless with the arguments; answers what it printed (a DOM for --dump-dom). */
    public static String run(String... args) throws IOException, InterruptedException {
        String binary = Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new AssertionError("no chromium on PATH: install Debian's chromium package "
                        + "(./tsunagu test installs it when it may use apt-get)"));
        Path profile = Files.createTempDirectory("tsunagu-chromium");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-extensions",
                "--disable-sync", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--virtual-time-budget=20000"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exit code " + p.exitValue());
        }
        return out;
    }
}
