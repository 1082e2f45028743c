package nethttp.exercises;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grading command: {@code grade 01-canonical-keys} grades one exercise, {@code grade all}
 * grades them all. It compiles each exercise's file on its own (a file that does not compile is
 * reported as an error, and the others are still graded), prints each property as PASSED or
 * FAILED, with the smallest failing input and the next hint, writes {@code target/results.json}
 * and exits with 1 when anything failed or did not compile, 2 when nothing could be graded.
 *
 * <p>System properties: {@code exercises.dir}, the exercises folder (default: the working
 * directory); {@code exercises.seed}, the seed of every property (default {@link #DEFAULT_SEED}).
 */
public final class Main {
    /** The seed students and CI start from, so that a run can be repeated exactly. */
    public static final long DEFAULT_SEED = 20220802L;

    private Main() {}

    public static void main(String[] args) throws Exception {
        System.setOut(QuietStream.over(System.out));
        System.setErr(QuietStream.over(System.err));
        Path dir = Path.of(System.getProperty("exercises.dir", "."));
        Path results = dir.resolve("target").resolve("results.json");
        Files.createDirectories(results.getParent());
        // Whatever happens next, an earlier run's results no longer stand.
        Files.writeString(results, ResultsJson.error("grading did not finish"), StandardCharsets.UTF_8);
        String which = args.length >= 2 ? args[1] : "all";
        if (args.length < 1 || !args[0].equals("grade")) {
            fail(results, "usage: grade <exercise folder>|all");
        }
        List<Exercise<?>> chosen = Catalog.select(which);
        if (chosen.isEmpty()) {
            fail(results, "no exercise named \"" + which + "\"; the exercises are: " + Catalog.ids() + ", or all");
        }
        long seed;
        try {
            seed = Long.parseLong(System.getProperty("exercises.seed", Long.toString(DEFAULT_SEED)).strip());
        } catch (NumberFormatException e) {
            fail(results, "the seed must be a whole number");
            return;
        }
        Map<String, StudentFiles.Compiled> compiled = StudentFiles.compile(dir, chosen.stream().map(Exercise::id).toList());
        Map<String, String> compileErrors = new LinkedHashMap<>();
        compiled.forEach((id, c) -> {
            if (!c.ok()) compileErrors.put(id, c.errors());
        });
        Class<?> graded = Class.forName(Main.class.getName(), true, StudentFiles.loader(compiled.values()));
        Method grade = graded.getMethod("grade", Path.class, String.class, long.class, Map.class);
        System.exit((int) grade.invoke(null, dir, which, seed, compileErrors));
    }

    /**
     * Grades the exercises {@code which} names and writes the results; the exit code. Called in
     * the class loader that sees the students' compiled classes in place of the stubs.
     *
     * @param compileErrors the compiler's messages for each exercise whose file does not compile
     */
    public static int grade(Path dir, String which, long seed, Map<String, String> compileErrors) throws IOException {
        Path results = dir.resolve("target").resolve("results.json");
        List<Exercise<?>> chosen = Catalog.select(which);
        List<ResultsJson.Entry> entries = new ArrayList<>();
        int failedExercises = 0;
        for (Exercise<?> ex : chosen) {
            String errors = compileErrors.get(ex.id());
            if (errors != null) {
                Report.printCompileErrors(System.out, ex, errors);
                failedExercises++;
                entries.add(ResultsJson.Entry.error(ex.id(), errors));
                continue;
            }
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
        System.out.println((chosen.size() - failedExercises) + " of " + chosen.size() + " exercises passed"
                + (compileErrors.isEmpty() ? "" : ", " + compileErrors.size() + " did not compile")
                + "; results in exercises/target/results.json");
        return failedExercises == 0 ? 0 : 1;
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
