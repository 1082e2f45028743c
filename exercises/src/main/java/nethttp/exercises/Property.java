package nethttp.exercises;

import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * A claim about every input a generator makes, checked against a subject (the code under test).
 *
 * <p>The check is a function that returns {@code null} when the subject behaves on the input,
 * and otherwise a short explanation: what was expected and what came back. When QuickTheories
 * finds a failing input, it shrinks it; the verdict then carries the smallest failing input,
 * rendered as a reader of the chapter would write it on the wire.
 *
 * <p>Whatever the subject throws counts as a failure on that input, never as a crash of the
 * grader; the stub's {@code UnsupportedOperationException("not implemented yet")} is recognised
 * and reported kindly.
 *
 * @param <S> the subject's type: the interface an exercise asks the student to implement
 */
public final class Property<S> {
    /** The text every stub throws with. */
    public static final String NOT_IMPLEMENTED = "not implemented yet";

    /** How a property judges one input: null for fine, else what went wrong. */
    @FunctionalInterface
    public interface Check<S, T> {
        String mismatch(S subject, T input) throws Exception;
    }

    private final String name;
    private final String statement;
    private final Runner<S, ?> runner;
    private final int maxExamples;
    private final Duration timeLimit;

    private Property(String name, String statement, Runner<S, ?> runner) {
        this(name, statement, runner, Integer.MAX_VALUE, Duration.ofSeconds(Exercise.TIME_LIMIT_SECONDS));
    }

    private Property(String name, String statement, Runner<S, ?> runner, int maxExamples, Duration timeLimit) {
        this.name = name;
        this.statement = statement;
        this.runner = runner;
        this.maxExamples = maxExamples;
        this.timeLimit = timeLimit;
    }

    /**
     * The same property, tried on at most {@code examples} inputs: for a property whose every
     * input is costly (a concurrent scenario explored by a model checker) and whose inputs are few.
     */
    public Property<S> atMost(int examples) {
        return new Property<>(name, statement, runner, examples, timeLimit);
    }

    /**
     * The same property, given {@code limit} instead of {@link Exercise#TIME_LIMIT_SECONDS} before
     * it counts as stuck: for a property that does much work on purpose, such as a model checker's.
     */
    public Property<S> within(Duration limit) {
        return new Property<>(name, statement, runner, maxExamples, limit);
    }

    /** How long the property may run before it counts as failed. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * A property over the inputs {@code gen} makes.
     *
     * @param name a short name, printed as PASSED or FAILED
     * @param statement the claim in words
     * @param gen the inputs
     * @param render how to show an input to a student (in HTTP terms)
     * @param check the judgement on one input
     */
    public static <S, T> Property<S> forAll(String name, String statement, Gen<T> gen,
            Function<T, String> render, Check<S, T> check) {
        return new Property<>(name, statement, new Runner<>(List.of(), gen, render, check, t -> Stream.empty()));
    }

    /**
     * A property checked first on every one of {@code edges}, in order, and then on the inputs
     * {@code gen} makes. The edges are the inputs a chapter names (a boundary, each special
     * byte, an overflowing length): a random draw may miss one, whatever the seed, a list
     * cannot. Put the simplest first: the first edge that fails is the one shown.
     */
    public static <S, T> Property<S> forAll(String name, String statement, List<T> edges, Gen<T> gen,
            Function<T, String> render, Check<S, T> check) {
        return new Property<>(name, statement, new Runner<>(List.copyOf(edges), gen, render, check, t -> Stream.empty()));
    }

    /**
     * A property whose counterexamples are shrunk further than QuickTheories can: after its
     * shrinking, {@code smaller} proposes simpler inputs (a sequence with one step left out,
     * say), and the first that still fails is taken, until none does.
     */
    public static <S, T> Property<S> forAll(String name, String statement, Gen<T> gen,
            Function<T, String> render, Check<S, T> check, Function<T, Stream<T>> smaller) {
        return new Property<>(name, statement, new Runner<>(List.of(), gen, render, check, smaller));
    }

    public String name() {
        return name;
    }

    public String statement() {
        return statement;
    }

    /** Checks the property on {@code examples} inputs drawn from {@code seed}. */
    public Verdict check(S subject, long seed, int examples) {
        return runner.run(this, subject, seed, Math.min(examples, maxExamples));
    }

    private record Runner<S, T>(List<T> edges, Gen<T> gen, Function<T, String> render, Check<S, T> check,
            Function<T, Stream<T>> smaller) {

        Verdict run(Property<S> p, S subject, long seed, int examples) {
            for (T edge : edges) {
                if (judge(subject, edge) != null) return failed(p, subject, seed, edge);
            }
            AtomicReference<Object> smallest = new AtomicReference<>();
            Reporter keepSmallest = new Reporter() {
                @Override
                public void falisification(long s, int n, Object value, Throwable cause, List<Object> others,
                        AsString<Object> asString) {
                    smallest.compareAndSet(null, value);
                }

                @Override
                public void falisification(long s, int n, Object value, List<Object> others,
                        AsString<Object> asString) {
                    smallest.compareAndSet(null, value);
                }

                @Override
                public void valuesExhausted(int n) {}
            };
            qt().withFixedSeed(seed).withExamples(examples).withReporter(keepSmallest)
                    .forAll(gen).check(input -> judge(subject, input) == null);
            if (smallest.get() == null) return Verdict.pass(p, seed);
            @SuppressWarnings("unchecked")
            T found = (T) smallest.get();
            return failed(p, subject, seed, found);
        }

        private Verdict failed(Property<S> p, S subject, long seed, T found) {
            T input = shrinkFurther(subject, found);
            Judgement j = judgement(subject, input);
            return new Verdict(p.name(), p.statement(), false, render.apply(input),
                    Objects.requireNonNullElse(j.text, "fails only now and then on this input"), j.notImplemented, seed);
        }

        private T shrinkFurther(S subject, T input) {
            for (int rounds = 0; rounds < 1000; rounds++) {
                T next = smaller.apply(input).filter(t -> judge(subject, t) != null).findFirst().orElse(null);
                if (next == null) break;
                input = next;
            }
            return input;
        }

        private String judge(S subject, T input) {
            return judgement(subject, input).text;
        }

        private Judgement judgement(S subject, T input) {
            try {
                return new Judgement(check.mismatch(subject, input), false);
            } catch (UnsupportedOperationException e) {
                if (NOT_IMPLEMENTED.equals(e.getMessage())) {
                    return new Judgement("still throws \"" + NOT_IMPLEMENTED + "\": replace the throw with your code", true);
                }
                return new Judgement(threw(e), false);
            } catch (Exception | StackOverflowError e) {
                return new Judgement(threw(e), false);
            }
        }

        private static String threw(Throwable e) {
            String at = "";
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().startsWith("exercises.")) {
                    at = " at " + frame.getFileName() + ":" + frame.getLineNumber();
                    break;
                }
            }
            return "threw " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + at;
        }
    }

    private record Judgement(String text, boolean notImplemented) {}
}
