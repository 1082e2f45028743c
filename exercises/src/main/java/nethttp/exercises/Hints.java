package nethttp.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tiered hints of an exercise, from its {@code hints.adoc}: each section headed
 * {@code == Hint N} is one tier, from a gentle nudge to nearly the answer.
 *
 * <p>A tier may be tied to properties by lines {@code // property: <name>} right under its
 * heading (an AsciiDoc comment, so the rendered file does not show them). After a failed run,
 * the hint shown is for the first property that failed: its own tiers first, one more each
 * run, then the others in their order. A subject that only failed by still throwing the stub's
 * "not implemented yet" gets no hint: the report already says to replace the throw.
 *
 * <p>How many were shown is remembered in small files under {@code target/hints}, so
 * {@code mvn clean} starts the hints over.
 */
public final class Hints {
    /** The comment that ties a tier to a property. */
    static final String PROPERTY_LINE = "// property:";

    private final List<String> tiers;
    private final List<List<String>> properties;
    private final Path counter;

    private Hints(List<String> tiers, List<List<String>> properties, Path counter) {
        this.tiers = tiers;
        this.properties = properties;
        this.counter = counter;
    }

    /** Reads the hints of exercise {@code id} under {@code exercisesDir}. */
    public static Hints of(Path exercisesDir, String id) throws IOException {
        Path file = exercisesDir.resolve(id).resolve("hints.adoc");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new Hints(parse(lines), tiedProperties(lines),
                exercisesDir.resolve("target").resolve("hints").resolve(id + ".shown"));
    }

    /** The text of each tier, without the lines that tie it to properties. */
    static List<String> parse(List<String> lines) {
        List<String> tiers = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            if (line.startsWith("== Hint")) {
                if (current != null) tiers.add(current.toString().strip());
                current = new StringBuilder();
            } else if (current != null && !line.startsWith(PROPERTY_LINE)) {
                current.append(line).append('\n');
            }
        }
        if (current != null) tiers.add(current.toString().strip());
        return tiers;
    }

    /** For each tier, the names of the properties it is tied to (none for a general hint). */
    static List<List<String>> tiedProperties(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("== Hint")) out.add(new ArrayList<>());
            else if (!out.isEmpty() && line.startsWith(PROPERTY_LINE)) {
                out.get(out.size() - 1).add(line.substring(PROPERTY_LINE.length()).strip());
            }
        }
        return out;
    }

    /** The names of the properties tier {@code n} (from 1) is tied to; empty for a general hint. */
    public List<String> propertiesOf(int n) {
        return List.copyOf(properties.get(n - 1));
    }

    /**
     * After a graded run: the number of the tier to show for {@code verdicts}, remembered for
     * the next run, or empty when there is nothing to hint at (all passed, or the only failures
     * are a stub that still throws).
     */
    public Optional<Integer> revealFor(List<Verdict> verdicts) throws IOException {
        Optional<Verdict> first = verdicts.stream().filter(v -> !v.passed() && !v.notImplemented()).findFirst();
        if (first.isEmpty()) return Optional.empty();
        String property = first.get().property();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) if (properties.get(i).contains(property)) order.add(i + 1);
        for (int i = 0; i < tiers.size(); i++) if (!order.contains(i + 1)) order.add(i + 1);
        if (order.isEmpty()) return Optional.empty();
        Path file = counter.resolveSibling(counter.getFileName() + "." + Integer.toHexString(property.hashCode()));
        int shown = readCount(file);
        int next = Math.min(shown + 1, order.size());
        Files.createDirectories(file.getParent());
        Files.writeString(file, Integer.toString(next));
        return Optional.of(order.get(next - 1));
    }

    private static int readCount(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        try {
            return Integer.parseInt(Files.readString(file).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** How many tiers there are. */
    public int count() {
        return tiers.size();
    }

    /** The text of tier {@code n}, counting from 1. */
    public String tier(int n) {
        return tiers.get(n - 1);
    }
}
