package nethttp.exercises.alternatives;

import java.util.regex.Pattern;
import nethttp.exercises.graders.ResponseFramingExercise.Body;
import nethttp.exercises.graders.ResponseFramingExercise.Case;
import nethttp.exercises.graders.ResponseFramingExercise.Decision;
import nethttp.exercises.graders.ResponseFramingExercise.Subject;

/** Correct solutions to exercise 12 written otherwise than the library. */
public final class ResponseFramingAlternatives {
    private ResponseFramingAlternatives() {}

    /**
     * Tokens by a regular expression, and the body's end decided first and the rest derived
     * from it, with early returns.
     */
    public static final class RegexTokens implements Subject {
        private static final Pattern CLOSE = Pattern.compile("(?i)(^|,)\\s*close\\s*(,|$)");
        private static final Pattern KEEP_ALIVE = Pattern.compile("(?i)(^|,)\\s*keep-alive\\s*(,|$)");

        @Override
        public Decision decide(Case c) {
            String te = c.transferEncoding();
            boolean head = "HEAD".equals(c.method());
            boolean noBody = c.status() == 204 || c.status() == 304;
            boolean computed = c.finished() && !c.trailers() && te.isEmpty() && !noBody && c.contentLength() == -1
                    && (!head || c.written() > 0);
            long known = computed ? c.written() : c.contentLength();
            boolean keep10 = c.minor() == 0 && KEEP_ALIVE.matcher(c.requestConnection()).find();
            boolean keptFor10 = keep10 && (head || known >= 0 || noBody);
            boolean lengthDropped = known >= 0 && !te.isEmpty() && !te.equals("identity");
            long framingLength = lengthDropped ? -1 : known;

            Body body = head || noBody ? Body.NONE
                    : framingLength >= 0 ? Body.LENGTH
                    : c.minor() == 1 && !te.equals("identity") ? Body.CHUNKED
                    : Body.UNTIL_CLOSE;
            boolean close = (!keptFor10 && (c.minor() == 0 || CLOSE.matcher(c.requestConnection()).find()))
                    || c.connection().equals("close") || body == Body.UNTIL_CLOSE;
            long field = noBody || lengthDropped ? -1 : known;

            String connection;
            if (close && !c.connection().equals("close")) {
                connection = c.minor() == 1 ? "close" : keptFor10 && c.connection().isEmpty() ? "keep-alive" : "";
            } else {
                connection = !c.connection().isEmpty() ? c.connection() : keptFor10 ? "keep-alive" : "";
            }
            return new Decision(body, field, connection, close);
        }
    }
}
