package nethttp.exercises;

import java.io.PrintStream;
import java.util.List;

/** What a student reads after grading one exercise. */
final class Report {
    private Report() {}

    /** The counterexample of a failed verdict, in a few lines. */
    static String failureText(Verdict v) {
        if (v.notImplemented()) return "not implemented yet: " + v.detail();
        return "smallest failing input: " + v.input() + "\n" + v.detail() + "\n(seed " + v.seed() + ")";
    }

    static void print(PrintStream out, Exercise<?> ex, List<Verdict> verdicts) {
        out.println();
        out.println("== " + ex.id() + ": " + ex.title() + " (chapter " + ex.chapter() + ")");
        out.println("   your file: exercises/" + ex.id() + "/" + ex.studentFile());
        boolean stubOnly = verdicts.stream().allMatch(Verdict::notImplemented);
        for (Verdict v : verdicts) {
            out.println("   " + (v.passed() ? "PASSED" : "FAILED") + "  " + v.property());
            if (v.passed() || stubOnly) continue;
            for (String line : failureText(v).split("\n")) out.println("           " + line);
        }
        if (stubOnly) {
            out.println("           every property failed: the stub still throws \"" + Property.NOT_IMPLEMENTED
                    + "\". Replace the throw with your code.");
        }
        long passed = verdicts.stream().filter(Verdict::passed).count();
        out.println("   " + passed + " of " + verdicts.size() + " properties passed.");
    }

    /** The hint for the first property that failed, if there is one to give. */
    static void printHint(PrintStream out, Hints hints, List<Verdict> verdicts) throws java.io.IOException {
        java.util.Optional<Integer> tier = hints.revealFor(verdicts);
        if (tier.isEmpty()) return;
        List<String> about = hints.propertiesOf(tier.get());
        String property = verdicts.stream().filter(v -> !v.passed() && !v.notImplemented()).map(Verdict::property)
                .filter(about::contains).findFirst().orElse(null);
        out.println("   Hint " + tier.get() + " of " + hints.count()
                + (property == null ? "" : ", for \"" + property + "\"") + " (all in hints.adoc):");
        for (String line : hints.tier(tier.get()).split("\n")) out.println("     " + line);
    }

    /** An exercise whose file does not compile: the compiler's messages, and nothing graded. */
    static void printCompileErrors(PrintStream out, Exercise<?> ex, String errors) {
        out.println();
        out.println("== " + ex.id() + ": " + ex.title() + " (chapter " + ex.chapter() + ")");
        out.println("   your file: exercises/" + ex.id() + "/" + ex.studentFile());
        out.println("   ERROR   it does not compile, so it was not graded; the compiler says:");
        for (String line : errors.split("\n")) out.println("           " + line);
    }
}
