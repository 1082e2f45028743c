package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.server.ResponseFramingReference;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 12: the framing decision of Go's {@code chunkWriter.writeHeader}, checked against the
 * library's {@code nethttp.server.ResponseFraming}. Each input is a request (method, version,
 * Connection field) and what its handler did (status, framing fields, trailers, whether it
 * returned before the header went out and how much it wrote). Every rule the exercise states has
 * edge cases listed first; random combinations follow.
 */
public final class ResponseFramingExercise extends Exercise<ResponseFramingExercise.Subject> {

    /** Where the body ends, by the exercise's names. */
    public enum Body { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    /** A decision, as the grader compares it. */
    public record Decision(Body body, long contentLength, String connection, boolean close) {
        @Override
        public String toString() {
            String body = switch (this.body) {
                case NONE -> "no body";
                case LENGTH -> "a body of Content-Length bytes";
                case CHUNKED -> "a chunked body";
                case UNTIL_CLOSE -> "a body that ends when the connection closes";
            };
            return body + ", " + (contentLength == -1 ? "no Content-Length" : "\"Content-Length: " + contentLength + "\"")
                    + ", " + (connection.isEmpty() ? "no Connection field" : "\"Connection: " + connection + "\"")
                    + ", " + (close ? "then the connection closes" : "then the connection stays open");
        }
    }

    /** What the student writes: {@code exercises.ResponseFraming.decide}. */
    public interface Subject {
        Decision decide(Case c);
    }

    /** A request and what its handler did. */
    public record Case(String method, int minor, String requestConnection, int status, long contentLength,
            String transferEncoding, String connection, boolean trailers, boolean finished, int written) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(method + " / HTTP/1." + minor);
            b.append(requestConnection.isEmpty() ? " without a Connection field"
                    : " with " + Show.q("Connection: " + requestConnection));
            b.append("; the handler answers ").append(status);
            List<String> fields = new ArrayList<>();
            if (contentLength != -1) fields.add("Content-Length: " + contentLength);
            if (!transferEncoding.isEmpty()) fields.add("Transfer-Encoding: " + transferEncoding);
            if (!connection.isEmpty()) fields.add("Connection: " + connection);
            if (!fields.isEmpty()) b.append(" with ").append(String.join(", ", fields.stream().map(Show::q).toList()));
            if (trailers) b.append(", declares trailers");
            b.append(finished ? ", and returns having written " + written + " bytes"
                    : ", and is still running (it flushed, or wrote more than the 2048-byte buffer holds)");
            return b.toString();
        }
    }

    @Override
    public String id() {
        return "12-response-framing";
    }

    @Override
    public String title() {
        return "Framing the response";
    }

    @Override
    public String chapter() {
        return "7 Writing the response";
    }

    @Override
    public String studentFile() {
        return "ResponseFraming.java";
    }

    @Override
    public Subject reference() {
        return c -> {
            ResponseFramingReference.Outcome o = ResponseFramingReference.decide(c.method(), c.minor(),
                    c.requestConnection(), c.status(), c.contentLength(), c.transferEncoding(), c.connection(),
                    c.trailers(), c.finished(), c.written());
            return new Decision(Body.valueOf(o.body().name()), o.contentLength(), o.connection(), o.close());
        };
    }

    @Override
    public Subject student() {
        return c -> {
            exercises.ResponseFraming.Decision d = exercises.ResponseFraming.decide(
                    new exercises.ResponseFraming.Request(c.method(), c.minor(), c.requestConnection()),
                    new exercises.ResponseFraming.Handler(c.status(), c.contentLength(), c.transferEncoding(),
                            c.connection(), c.trailers(), c.finished(), c.written()));
            if (d == null) return null;
            return new Decision(d.body() == null ? null : Body.valueOf(d.body().name()), d.contentLength(),
                    d.connection(), d.close());
        };
    }

    private static final Subject REFERENCE = new ResponseFramingExercise().reference();

    static final List<String> METHODS = List.of("GET", "HEAD", "POST");
    static final List<String> REQUEST_CONNECTIONS = List.of("", "close", "keep-alive", "Close", "Keep-Alive",
            "KEEP-ALIVE", "Upgrade", "keep-alive, Upgrade", "Upgrade, close", "TE,close", "Upgrade,  Keep-Alive",
            "X-Enclosed", "X-Keep-Alive-Timeout");
    static final List<String> ENCODINGS = List.of("", "chunked", "identity", "gzip");
    static final List<String> HANDLER_CONNECTIONS = List.of("", "close", "keep-alive");
    static final List<Integer> STATUSES = List.of(200, 201, 204, 206, 301, 304, 404, 500);

    /**
     * A consistent case: a status without a body gets no body bytes; a handler that declared a
     * length (for anything but HEAD) wrote that many bytes, so it can only have finished within the
     * buffer if they fit; a handler still running has nothing counted.
     */
    static Case normalize(Case c) {
        boolean bodyAllowed = c.status() != 204 && c.status() != 304;
        int written = c.written();
        boolean finished = c.finished();
        if (!bodyAllowed) written = 0;
        else if (c.contentLength() != -1 && !c.method().equals("HEAD")) {
            if (c.contentLength() > 2048) finished = false;
            else written = (int) c.contentLength();
        }
        if (!finished) written = 0;
        return new Case(c.method(), c.minor(), c.requestConnection(), c.status(), c.contentLength(),
                c.transferEncoding(), c.connection(), c.trailers(), finished, written);
    }

    private static Case c(String method, int minor, String reqConn, int status, long cl, String te, String conn,
            boolean trailers, boolean finished, int written) {
        return normalize(new Case(method, minor, reqConn, status, cl, te, conn, trailers, finished, written));
    }

    /** The cases the rules name, simplest first. */
    static final List<Case> EDGES = List.of(
            // the length of a finished body, and when there is none
            c("GET", 1, "", 200, -1, "", "", false, true, 5),
            c("GET", 1, "", 200, -1, "", "", false, true, 0),
            c("GET", 1, "", 200, -1, "", "", false, true, 2048),
            c("GET", 1, "", 200, -1, "", "", false, false, 0),
            c("GET", 0, "", 200, -1, "", "", false, true, 5),
            c("GET", 0, "", 200, -1, "", "", false, false, 0),
            c("GET", 1, "", 404, -1, "", "", false, true, 9),
            c("GET", 1, "", 200, 5000, "", "", false, false, 0),
            c("GET", 1, "", 200, 0, "", "", false, true, 0),
            // HEAD and the statuses without a body
            c("HEAD", 1, "", 200, -1, "", "", false, true, 0),
            c("HEAD", 1, "", 200, -1, "", "", false, true, 7),
            c("HEAD", 1, "", 200, 12, "", "", false, true, 0),
            c("HEAD", 1, "", 200, -1, "", "", false, false, 0),
            c("GET", 1, "", 204, -1, "", "", false, true, 0),
            c("GET", 1, "", 304, -1, "", "", false, true, 0),
            c("GET", 1, "", 204, 10, "", "", false, true, 0),
            c("GET", 1, "", 304, 10, "", "", false, false, 0),
            c("GET", 1, "", 204, -1, "chunked", "", false, false, 0),
            // trailers and Transfer-Encoding
            c("GET", 1, "", 200, -1, "", "", true, true, 5),
            c("GET", 0, "", 200, -1, "", "", true, true, 5),
            c("GET", 1, "", 200, -1, "chunked", "", false, true, 5),
            c("GET", 1, "", 200, -1, "gzip", "", false, true, 5),
            c("GET", 1, "", 200, -1, "identity", "", false, true, 5),
            c("GET", 1, "", 200, -1, "identity", "", false, false, 0),
            c("GET", 1, "", 200, 5, "chunked", "", false, true, 5),
            c("GET", 1, "", 200, 5, "gzip", "", false, true, 5),
            c("GET", 1, "", 200, 5, "identity", "", false, true, 5),
            c("GET", 0, "", 200, -1, "chunked", "", false, false, 0),
            // HTTP/1.0, keep-alive and close
            c("GET", 0, "keep-alive", 200, -1, "", "", false, true, 5),
            c("GET", 0, "keep-alive", 200, -1, "", "", false, false, 0),
            c("GET", 0, "keep-alive", 200, 5000, "", "", false, false, 0),
            c("HEAD", 0, "keep-alive", 200, -1, "", "", false, true, 0),
            c("GET", 0, "keep-alive", 204, -1, "", "", false, true, 0),
            c("GET", 0, "Keep-Alive", 200, -1, "", "", false, true, 5),
            c("GET", 0, "keep-alive, Upgrade", 200, -1, "", "", false, true, 5),
            c("GET", 0, "X-Keep-Alive-Timeout", 200, -1, "", "", false, true, 5),
            c("GET", 0, "keep-alive", 200, -1, "", "close", false, true, 5),
            c("GET", 0, "keep-alive", 200, -1, "", "keep-alive", false, true, 5),
            c("GET", 0, "keep-alive", 200, -1, "", "keep-alive", false, false, 0),
            c("GET", 0, "keep-alive", 200, 5, "gzip", "", false, true, 5),
            c("GET", 0, "", 200, -1, "", "keep-alive", false, true, 5),
            c("GET", 1, "keep-alive", 200, -1, "", "", false, true, 5),
            c("GET", 1, "close", 200, -1, "", "", false, true, 5),
            c("GET", 1, "Close", 200, -1, "", "", false, true, 5),
            c("GET", 1, "Upgrade, close", 200, -1, "", "", false, false, 0),
            c("GET", 1, "X-Enclosed", 200, -1, "", "", false, true, 5),
            c("GET", 1, "TE,close", 204, -1, "", "", false, true, 0),
            c("GET", 1, "", 200, -1, "", "close", false, true, 5),
            c("GET", 1, "", 200, -1, "", "keep-alive", false, true, 5),
            c("GET", 1, "close", 200, -1, "", "keep-alive", false, true, 5),
            c("GET", 1, "close", 200, -1, "", "close", false, true, 5),
            c("POST", 1, "", 201, -1, "", "", false, true, 3));

    private static <T> Gen<T> oneOf(List<T> values) {
        return Generate.pick(values);
    }

    /** Random cases: every field from the values the rules name, lengths around the buffer's size. */
    static Gen<Case> cases() {
        Gen<Long> length = longs().between(-1, -1).mix(longs().between(0, 4096), 50);
        Gen<Integer> written = integers().between(0, 2048).mix(Generate.pick(List.of(0, 1, 2048)), 30);
        Gen<Integer> status = oneOf(STATUSES).mix(integers().between(200, 599), 30);
        return oneOf(METHODS).zip(Generate.pick(List.of(0, 1)), oneOf(REQUEST_CONNECTIONS), status,
                (m, minor, rc, st) -> new Object[] {m, minor, rc, st})
                .zip(length, oneOf(ENCODINGS).mix(Generate.constant(""), 50), oneOf(HANDLER_CONNECTIONS),
                        (a, cl, te, conn) -> new Object[] {a[0], a[1], a[2], a[3], cl, te, conn})
                .zip(booleans().all().mix(Generate.constant(false), 60), booleans().all(), written,
                        (a, tr, fin, wr) -> normalize(new Case((String) a[0], (Integer) a[1], (String) a[2],
                                (Integer) a[3], (Long) a[4], (String) a[5], (String) a[6], tr, fin, wr)));
    }

    /** Compares one part of the decision with the library's. */
    private static Property.Check<Subject, Case> part(String what, BiFunction<Case, Decision, Object> of) {
        return (s, c) -> {
            Decision want = REFERENCE.decide(c);
            Decision got = s.decide(c);
            if (got == null) return "decide returned null";
            if (Objects.equals(of.apply(c, want), of.apply(c, got))) return null;
            return what + ": expected " + want + "; got " + got;
        };
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("no body for HEAD, 204 and 304",
                        "the body is NONE exactly when the request is HEAD or the status is 204 or 304; a 204 or 304 "
                                + "has no Content-Length field",
                        EDGES, cases(), Case::toString,
                        part("no body", (c, d) -> List.of(d.body() == Body.NONE,
                                c.status() == 204 || c.status() == 304 ? d.contentLength() : "any"))),
                Property.forAll("declares the length it knows",
                        "the response's Content-Length is the handler's, or the length of a finished body, or none, "
                                + "as the rules say",
                        EDGES, cases(), Case::toString, part("Content-Length", (c, d) -> d.contentLength())),
                Property.forAll("chunks or closes without a length",
                        "where the body ends: NONE, LENGTH, CHUNKED or UNTIL_CLOSE, as the library decides",
                        EDGES, cases(), Case::toString, part("where the body ends", (c, d) -> d.body())),
                Property.forAll("keeps or closes the connection",
                        "whether the connection closes after the response, and its Connection field, as the library decides",
                        EDGES, cases(), Case::toString,
                        part("the connection", (c, d) -> List.of(d.close(), d.connection()))),
                Property.forAll("decides as the library does",
                        "the whole decision equals the library's (nethttp.server.ResponseFraming)",
                        EDGES, cases(), Case::toString, part("the decision", (c, d) -> d)));
    }
}
