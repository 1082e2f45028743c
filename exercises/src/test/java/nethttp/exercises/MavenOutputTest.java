package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a student sees from Maven itself around the grader's report: no terminal escape codes
 * (Maven 3.8 writes colour codes, and a reset code at exit, even into a file or a pipe), unless
 * the student asks for colour with {@code -Dstyle.color=always}. The repository's
 * {@code .mvn/jvm.config} sees to it; these tests run Maven from the repository's root, as the
 * README's commands are run.
 */
class MavenOutputTest {
    private static final Path EXERCISES = Path.of(System.getProperty("exercises.dir", ".")).toAbsolutePath().normalize();
    private static final Path ROOT = EXERCISES.getParent();
    private static final byte ESC = 0x1b;

    /** Runs Maven from the root with {@code args}; its output and error together, and its exit code. */
    private record Run(int exit, byte[] output) {
        String text() {
            return new String(output, StandardCharsets.UTF_8);
        }

        boolean hasEscape() {
            for (byte b : output) {
                if (b == ESC) return true;
            }
            return false;
        }
    }

    private static Run mvn(String... args) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        assertTrue(home != null && !home.isBlank(), "the build passes maven.home to the tests");
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        List<String> command = new ArrayList<>();
        command.add(Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString());
        // "offline=true" when the build runs offline (-o): so do its Maven runs.
        if (System.getProperty("maven.offline", "").equals("offline=true")) command.add("-o");
        String repo = System.getProperty("maven.repo.local", "");
        if (!repo.isBlank()) command.add("-Dmaven.repo.local=" + repo);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        // The repository's own configuration is what is tested, not whatever the caller's shell adds.
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().remove("MAVEN_ARGS");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "maven did not end");
        return new Run(p.exitValue(), out);
    }

    /**
     * The README's reset command with a name that is no exercise: Maven starts, runs the
     * exercises' command and exits, as for grading, and changes nothing.
     */
    @Test
    void theStudentsCommandsPrintNoEscapeCodes() throws Exception {
        Path stub = EXERCISES.resolve("01-canonical-keys").resolve("CanonicalKeys.java");
        byte[] before = Files.readAllBytes(stub);
        Run reset = mvn("-q", "-pl", "exercises", "validate", "-Dreset=no-such-exercise");
        assertEquals(0, reset.exit(), reset.text());
        assertTrue(reset.text().contains("no exercise named \"no-such-exercise\""), reset.text());
        assertTrue(reset.text().contains("Nothing was changed."), reset.text());
        assertFalse(reset.hasEscape(), () -> "escape codes in: " + reset.text().replace("\u001b", "ESC"));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(stub)));
    }

    @Test
    void colourOnlyWhenAsked() throws Exception {
        Run plain = mvn("-v");
        assertEquals(0, plain.exit(), plain.text());
        assertTrue(plain.text().contains("Apache Maven"), plain.text());
        assertFalse(plain.hasEscape(), () -> "escape codes in: " + plain.text().replace("\u001b", "ESC"));

        Run asked = mvn("-v", "-Dstyle.color=always");
        assertTrue(asked.text().contains("Apache Maven"), asked.text());
        assertTrue(asked.hasEscape(), "-Dstyle.color=always asks for colour: " + asked.text());
    }
}
