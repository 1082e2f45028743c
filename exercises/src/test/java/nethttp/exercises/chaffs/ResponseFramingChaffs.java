package nethttp.exercises.chaffs;

import java.util.Arrays;
import java.util.Locale;
import nethttp.exercises.graders.ResponseFramingExercise.Body;
import nethttp.exercises.graders.ResponseFramingExercise.Case;
import nethttp.exercises.graders.ResponseFramingExercise.Decision;
import nethttp.exercises.graders.ResponseFramingExercise.Subject;

/** Wrong solutions to exercise 12, each a framing decision that gets one rule wrong. */
public final class ResponseFramingChaffs {
    private ResponseFramingChaffs() {}

    /** A solution that would pass, written step by step as the exercise states the rules; the chaffs below each change one step. */
    abstract static class Base implements Subject {
        static boolean hasToken(String field, String token) {
            return Arrays.stream(field.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT)).anyMatch(token::equals);
        }

        boolean bodyAllowed(int status) {
            return status != 204 && status != 304;
        }

        boolean hasEncoding(Case c) {
            return !c.transferEncoding().isEmpty();
        }

        boolean lengthFromBody(Case c, boolean head) {
            return c.finished() && !c.trailers() && !hasEncoding(c) && bodyAllowed(c.status())
                    && c.contentLength() == -1 && (!head || c.written() > 0);
        }

        boolean asksKeepAlive(Case c) {
            return c.minor() == 0 && hasToken(c.requestConnection(), "keep-alive");
        }

        boolean asksClose(Case c) {
            return hasToken(c.requestConnection(), "close");
        }

        boolean chunks(Case c) {
            return c.minor() >= 1 && !c.transferEncoding().equals("identity");
        }

        String closeField(Case c) {
            return c.minor() >= 1 ? "close" : "";
        }

        @Override
        public Decision decide(Case c) {
            boolean head = c.method().equals("HEAD");
            boolean allowed = bodyAllowed(c.status());
            long length = c.contentLength();
            long field = c.contentLength();
            if (lengthFromBody(c, head)) {
                length = c.written();
                field = c.written();
            }
            boolean close = false;
            String added = "";
            if (asksKeepAlive(c) && (head || length != -1 || !allowed)) {
                if (c.connection().isEmpty()) added = "keep-alive";
            } else if (c.minor() == 0 || asksClose(c)) {
                close = true;
            }
            if (c.connection().equals("close")) close = true;
            if (!allowed) field = -1;
            if (length != -1 && hasEncoding(c) && !c.transferEncoding().equals("identity")) {
                length = -1;
                field = -1;
            }
            Body body;
            if (head || !allowed) {
                body = Body.NONE;
            } else if (length != -1) {
                body = Body.LENGTH;
            } else if (chunks(c)) {
                body = Body.CHUNKED;
            } else {
                body = Body.UNTIL_CLOSE;
                close = true;
            }
            String handlers = c.connection();
            if (close && !hasToken(handlers, "close")) {
                handlers = "";
                if (!closeField(c).isEmpty()) added = closeField(c);
            }
            return new Decision(body, field, added.isEmpty() ? handlers : added, close);
        }
    }

    /** Declares the bytes in hand as the length even while the handler still runs: "Content-Length: 0" after a flush. */
    public static final class LengthWhileRunning extends Base {
        @Override
        boolean lengthFromBody(Case c, boolean head) {
            return c.contentLength() == -1 && c.written() <= 2048 && !c.trailers() && !hasEncoding(c)
                    && bodyAllowed(c.status()) && (!head || c.written() > 0);
        }
    }

    /** Gives a HEAD response whose handler wrote nothing "Content-Length: 0", which tells the client the GET body is empty. */
    public static final class HeadLengthZero extends Base {
        @Override
        boolean lengthFromBody(Case c, boolean head) {
            return c.finished() && !c.trailers() && !hasEncoding(c) && bodyAllowed(c.status()) && c.contentLength() == -1;
        }
    }

    /** Forgets that trailers need chunks: computes a length though the handler declared trailers. */
    public static final class TrailersIgnored extends Base {
        @Override
        boolean lengthFromBody(Case c, boolean head) {
            return c.finished() && !hasEncoding(c) && bodyAllowed(c.status()) && c.contentLength() == -1
                    && (!head || c.written() > 0);
        }
    }

    /** Chunks whatever the version: an HTTP/1.0 client knows no chunks. */
    public static final class ChunksOnHttp10 extends Base {
        @Override
        boolean chunks(Case c) {
            return !c.transferEncoding().equals("identity");
        }
    }

    /** Matches the request's Connection tokens with their case: misses "Keep-Alive" and "Close". */
    public static final class CaseSensitiveTokens extends Base {
        @Override
        boolean asksKeepAlive(Case c) {
            return c.minor() == 0 && Arrays.asList(c.requestConnection().split(",\\s*")).contains("keep-alive");
        }

        @Override
        boolean asksClose(Case c) {
            return Arrays.asList(c.requestConnection().split(",\\s*")).contains("close");
        }
    }

    /** Looks for the words anywhere in the request's Connection field: "keep-alive" and "close" as substrings. */
    public static final class SubstringTokens extends Base {
        @Override
        boolean asksKeepAlive(Case c) {
            return c.minor() == 0 && c.requestConnection().toLowerCase(Locale.ROOT).contains("keep-alive");
        }

        @Override
        boolean asksClose(Case c) {
            return c.requestConnection().toLowerCase(Locale.ROOT).contains("close") || c.minor() == 0;
        }
    }

    /** Closes when it should but never says "Connection: close". */
    public static final class ClosesSilently extends Base {
        @Override
        String closeField(Case c) {
            return "";
        }
    }

    /** Says "Connection: close" to HTTP/1.0 clients too. */
    public static final class CloseFieldOnHttp10 extends Base {
        @Override
        String closeField(Case c) {
            return "close";
        }
    }

    /** Takes only "chunked" as a Transfer-Encoding: a handler's gzip or identity gets a computed length. */
    public static final class OnlyChunkedIsAnEncoding extends Base {
        @Override
        boolean hasEncoding(Case c) {
            return c.transferEncoding().equals("chunked");
        }
    }

    /** Keeps the handler's Content-Length on a 204 or 304. */
    public static final class LengthOn304 extends Base {
        @Override
        public Decision decide(Case c) {
            Decision d = super.decide(c);
            if (!bodyAllowed(c.status()) && c.contentLength() != -1) {
                return new Decision(d.body(), c.contentLength(), d.connection(), d.close());
            }
            return d;
        }
    }

    /**
     * Drops a length that comes with a Transfer-Encoding before the HTTP/1.0 keep-alive step
     * rather than after it, so no "Connection: keep-alive" is added; tidier, but not what the
     * server does.
     */
    public static final class DropsLengthFirst extends Base {
        @Override
        public Decision decide(Case c) {
            if (c.contentLength() != -1 && hasEncoding(c) && !c.transferEncoding().equals("identity")) {
                return super.decide(new Case(c.method(), c.minor(), c.requestConnection(), c.status(), -1,
                        c.transferEncoding(), c.connection(), c.trailers(), c.finished(), c.written()));
            }
            return super.decide(c);
        }
    }
}
