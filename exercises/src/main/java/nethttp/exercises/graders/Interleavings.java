package nethttp.exercises.graders;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.LincheckSettings;

/**
 * Runs a scenario of a few threads under Lincheck's model checker, which decides at every
 * shared-memory access and every lock, park and thread start which thread runs next. It tries
 * the orders with few switches first, so the same code always meets the same orders, and a
 * broken rule is found in every run, with the order that broke it.
 *
 * <p>Two things the scenario must do for Lincheck (3.7) to see the races: start its threads as
 * platform threads with {@code new Thread}, and reach the object under test through a static
 * field. Lincheck inserts switch points only at accesses to objects it knows to be shared, and
 * it does not follow a lambda's captured variables; an object handed over that way looks
 * thread-local and its accesses are never interleaved. The scenario throws
 * {@link AssertionError} when an invariant fails.
 *
 * <p>The JDK's own classes (locks, latches) are treated as atomic steps: a student's races are
 * in the student's code, and leaving the JDK's internals out keeps the search small.
 */
final class Interleavings {
    private Interleavings() {}

    /**
     * How many interleavings each scenario may try. A race in code that settles under a
     * {@code ReentrantLock} hides among the lock's own steps: at 12 a look before the lock was
     * missed, at 200 it is found. A run that keeps the rules tries them all, in a few seconds.
     */
    static final int INVOCATIONS = 200;

    private static final LincheckSettings SETTINGS = new LincheckSettings(false, 10, 10, 10);

    /**
     * Null when {@code scenario} held in every interleaving tried; else the failed invariant and
     * the interleaving that broke it, as a table with one column per thread.
     */
    static synchronized String explore(Runnable scenario) {
        try {
            Lincheck.runConcurrentTestInternal$lincheck(INVOCATIONS, SETTINGS, scenario);
            return null;
        } catch (LincheckAssertionError | IllegalStateException e) {
            // Lincheck reports a failure it could not replay as an IllegalStateException whose
            // message holds the first execution's report.
            return report(e.getMessage());
        }
    }

    /**
     * Runs each of {@code calls} on a thread of its own, started together, and waits for all:
     * the body of every scenario, whose threads the model checker interleaves.
     */
    static void together(List<Runnable> calls) {
        List<Thread> threads = new ArrayList<>();
        for (Runnable call : calls) threads.add(new Thread(call));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Lincheck's report cut to what a student needs: the broken rule and the short interleaving. */
    static String report(String lincheck) {
        List<String> lines = lincheck == null ? List.of() : lincheck.lines().toList();
        String rule = null;
        boolean hung = false;
        List<String> table = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith(AssertionError.class.getName() + ": ")) {
                rule = line.substring(AssertionError.class.getName().length() + 2);
                break;
            }
        }
        for (String line : lines) {
            if (line.startsWith("= ") && line.contains("hung")) hung = true;
            if (rule == null && line.startsWith(AssertionError.class.getName() + ": ")) {
                rule = line.substring(AssertionError.class.getName().length() + 2);
            } else if (rule == null && !line.isBlank() && !line.startsWith("=") && !line.startsWith("\t")
                    && !line.startsWith("|") && !line.startsWith("The following") && !line.startsWith("Detailed")
                    && !line.startsWith("Non-determinism")) {
                rule = "threw " + line;
            }
            if (line.startsWith("The following interleaving")) {
                inTable = true;
                continue;
            }
            if (inTable) {
                if (!line.startsWith("|")) break;
                table.add(line);
            }
        }
        if (hung && rule == null) rule = "some interleaving never ends: a thread waits for something no other thread will do";
        if (lincheck != null && lincheck.contains("Non-determinism found")) table.clear(); // its table is of another run
        StringBuilder text = new StringBuilder(rule == null ? "an invariant failed" : rule);
        List<String> steps = steps(table);
        if (!steps.isEmpty()) {
            text.append("\nthe interleaving that breaks it, step by step (the same in every run):");
            for (String step : steps) text.append("\n  ").append(step);
        }
        return text.toString();
    }

    /** Steps of the grader's own code around the calls, which say nothing about the student's. */
    private static final List<String> PLUMBING = List.of("run()", "cast.", "values.get(", "moves.get(",
            "TryDeliverExercise.", "DialRaceExercise.", "Array<Object>");

    /**
     * Lincheck's table, one column per thread, as one line per step of the scenario's threads:
     * {@code thread 2:   conn -> null}. The main thread's rows (setting up, checking) are left
     * out, and so are the rule lines.
     */
    static List<String> steps(List<String> table) {
        record Row(int thread, int indent, String step) {}
        List<Row> rows = new ArrayList<>();
        for (String row : table) {
            if (row.startsWith("| -")) continue;
            String[] cells = row.split("\\|", -1);
            // cells[0] is empty (before the first bar); cells[1] is the main thread's column.
            for (int col = 2; col < cells.length - 1; col++) {
                String cell = cells[col].stripTrailing();
                if (cell.isBlank() || cell.strip().startsWith("Thread ")) continue;
                rows.add(new Row(col - 1, cell.length() - cell.stripLeading().length(), cell.strip().replace("\u279c", "->")));
            }
        }
        List<Row> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String step = r.step();
            if (step.startsWith("slot.")) {
                step = step.substring("slot.".length()); // the call into the student's code
            } else if (step.startsWith("cast.play(")) {
                boolean opened = i + 1 < rows.size() && rows.get(i + 1).thread() == r.thread() && rows.get(i + 1).indent() > r.indent();
                if (opened) continue;
                // A call Lincheck ran without a switch inside, shown as one row: say so.
                int ret = step.lastIndexOf("): ");
                step = "runs its whole call here" + (ret < 0 ? "" : ", which returns " + step.substring(ret + 3));
            } else if (PLUMBING.stream().anyMatch(step::startsWith) || step.contains(".ordinal()")) {
                continue;
            }
            kept.add(new Row(r.thread(), r.indent(), step));
        }
        int base = kept.stream().mapToInt(Row::indent).min().orElse(0);
        return kept.stream().map(r -> "thread " + r.thread() + ": " + " ".repeat(r.indent() - base) + r.step()).toList();
    }
}
