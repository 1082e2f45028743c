package nethttp.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The grading command: {@code grade 01-canonical-keys} grades one exercise, {@code grade all}
 * grades them all. It prints each property as PASSED or FAILED, with the smallest failing input
 * and the next hint, writes {@code target/results.json} and exits with 1 when anything failed.
 *
 * <p>System properties: {@code exercises.dir}, the exercises folder (default: the working
 * directory); {@code exercises.seed}, the seed of every property (default {@link #DEFAULT_SEED}).
 */
public final class Main {
    /** The seed students and CI start from, so that a run can be repeated exactly. */
    public static final long DEFAULT_SEED = 20220802L;

    private Main() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(System.getProperty("exercises.dir", "."));
        Path results = dir.resolve("target").resolve("results.json");
        Files.createDirectories(results.getParent());
        String which = args.length >= 2 ? args[1] : "all";
        if (args.length < 1 || !args[0].equals("grade")) {
            fail(results, "usage: grade <exercise folder>|all");
        }
        List<Exercise<?>> chosen = Catalog.select(which);
        if (chosen.isEmpty()) {
            fail(results, "no exercise named \"" + which + "\"; the exercises are: " + Catalog.ids());
        }
        long seed;
        try {
            seed = Long.parseLong(System.getProperty("exercises.seed", Long.toString(DEFAULT_SEED)).strip());
        } catch (NumberFormatException e) {
            fail(results, "the seed must be a whole number");
            return;
        }

        List<ResultsJson.Entry> entries = new ArrayList<>();
        int failedExercises = 0;
        for (Exercise<?> ex : chosen) {
            List<Verdict> verdicts = gradeStudent(ex, seed);
            Report.print(System.out, ex, verdicts);
            boolean passed = verdicts.stream().allMatch(Verdict::passed);
            if (!passed) {
                failedExercises++;
                Hints hints = Hints.of(dir, ex.id());
                Report.printHint(System.out, hints, verdicts);
            }
            for (Verdict v : verdicts) entries.add(new ResultsJson.Entry(ex.id(), v));
        }
        Files.writeString(results, ResultsJson.of(entries), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println((chosen.size() - failedExercises) + " of " + chosen.size() + " exercises passed; "
                + "results in exercises/target/results.json");
        System.exit(failedExercises == 0 ? 0 : 1);
    }

    private static <S> List<Verdict> gradeStudent(Exercise<S> ex, long seed) {
        return ex.grade(ex.student(), seed);
    }

    private static void fail(Path results, String message) throws IOException {
        Files.writeString(results, ResultsJson.error(message), StandardCharsets.UTF_8);
        System.out.println(message);
        System.exit(2);
    }
}
