package nethttp.exercises;

/**
 * The outcome of checking one property against one subject.
 *
 * @param property the property's name
 * @param statement what the property claims, in words (Exercism's {@code test_code})
 * @param passed whether no counterexample was found
 * @param input the smallest failing input found, rendered in HTTP terms; empty when passed
 * @param detail what went wrong on that input (expected and got); empty when passed
 * @param notImplemented whether the subject still throws the stub's "not implemented yet"
 * @param seed the seed the property ran with, to reproduce the run
 */
public record Verdict(String property, String statement, boolean passed, String input, String detail,
        boolean notImplemented, long seed) {

    static Verdict pass(Property<?> p, long seed) {
        return new Verdict(p.name(), p.statement(), true, "", "", false, seed);
    }
}
