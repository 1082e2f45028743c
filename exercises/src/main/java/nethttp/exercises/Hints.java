package nethttp.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiered hints of an exercise, from its {@code hints.adoc}: each section headed
 * {@code == Hint N} is one tier, from a gentle nudge to nearly the answer.
 *
 * <p>Each failed run reveals one more tier. How many were shown is remembered in a small file
 * under {@code target/hints}, so {@code mvn clean} starts the hints over.
 */
public final class Hints {
    private final List<String> tiers;
    private final Path counter;

    private Hints(List<String> tiers, Path counter) {
        this.tiers = tiers;
        this.counter = counter;
    }

    /** Reads the hints of exercise {@code id} under {@code exercisesDir}. */
    public static Hints of(Path exercisesDir, String id) throws IOException {
        Path file = exercisesDir.resolve(id).resolve("hints.adoc");
        List<String> tiers = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        return new Hints(tiers, exercisesDir.resolve("target").resolve("hints").resolve(id + ".shown"));
    }

    static List<String> parse(List<String> lines) {
        List<String> tiers = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (line.startsWith("== Hint")) {
                if (current != null) tiers.add(current.toString().strip());
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) tiers.add(current.toString().strip());
        return tiers;
    }

    /** How many tiers there are. */
    public int count() {
        return tiers.size();
    }

    /** The text of tier {@code n}, counting from 1. */
    public String tier(int n) {
        return tiers.get(n - 1);
    }

    /**
     * After a failed run: the number of the next tier to show (the last one again once all
     * were shown), remembered for the next run.
     */
    public int revealNext() throws IOException {
        int shown = 0;
        if (Files.exists(counter)) {
            try {
                shown = Integer.parseInt(Files.readString(counter).strip());
            } catch (NumberFormatException e) {
                shown = 0;
            }
        }
        int next = Math.min(shown + 1, tiers.size());
        Files.createDirectories(counter.getParent());
        Files.writeString(counter, Integer.toString(next));
        return next;
    }
}
