package nethttp.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One exercise: a folder with instructions, hints and the student's file, and the properties
 * its grader checks.
 *
 * @param <S> the interface the student's code is seen through; the reference (the library) and
 *     the chaffs are seen through it too
 */
public abstract class Exercise<S> {
    /** How many inputs each property tries. */
    public static final int EXAMPLES = 400;
    /** How long one property may run before it counts as failed (an endless loop, say). */
    public static final long TIME_LIMIT_SECONDS = 20;

    /** The folder's name, such as {@code 01-canonical-keys}. */
    public abstract String id();

    /** The exercise's title. */
    public abstract String title();

    /** The book chapter the exercise belongs to, such as {@code "5 readRequest & textproto"}. */
    public abstract String chapter();

    /** The student's file, relative to the exercise folder. */
    public abstract String studentFile();

    /** The library's own code, seen through the exercise's interface. */
    public abstract S reference();

    /** The student's code, seen through the exercise's interface. */
    public abstract S student();

    /** What the grader checks, in the order it reports. */
    public abstract List<Property<S>> properties();

    /** Checks every property against {@code subject}, each from {@code seed}. */
    public final List<Verdict> grade(S subject, long seed) {
        List<Verdict> out = new ArrayList<>();
        for (Property<S> p : properties()) out.add(checkBounded(p, subject, seed));
        return out;
    }

    /**
     * Runs one property on a daemon thread, so that a student's endless loop costs a failed
     * property rather than a hung grader.
     */
    private Verdict checkBounded(Property<S> p, S subject, long seed) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "grader-" + id());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Verdict> run = one.submit(() -> p.check(subject, seed, EXAMPLES));
            return run.get(p.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Verdict(p.name(), p.statement(), false, "(any)",
                    "no answer within " + p.timeLimit().toSeconds() + " s: is there an endless loop?", false, seed);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Verdict(p.name(), p.statement(), false, "(any)", "the check itself failed: " + cause, false, seed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading interrupted", e);
        } finally {
            one.shutdownNow();
        }
    }
}
