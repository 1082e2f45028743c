package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.util.List;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.Status;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.transfer.Transfer;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Exercise 06: which length rule frames a body, checked against {@link Transfer#fixLength}. */
public final class BodyFramingExercise extends Exercise<BodyFramingExercise.Subject> {

    /** What the student writes: {@code exercises.BodyFraming}. */
    public interface Subject {
        long bodyLength(boolean isResponse, int status, String requestMethod, List<String> contentLengths,
                boolean chunked) throws IOException;
    }

    @Override
    public String id() {
        return "06-body-framing";
    }

    @Override
    public String title() {
        return "Body framing: which length rule applies";
    }

    @Override
    public String chapter() {
        return "6 transfer encodings & smuggling defences";
    }

    @Override
    public String studentFile() {
        return "BodyFraming.java";
    }

    @Override
    public Subject reference() {
        return BodyFramingExercise::libraryLength;
    }

    @Override
    public Subject student() {
        return exercises.BodyFraming::bodyLength;
    }

    static long libraryLength(boolean isResponse, int status, String requestMethod, List<String> contentLengths,
            boolean chunked) throws ProtocolException {
        Header h = new Header();
        for (String v : contentLengths) h.add("Content-Length", v);
        return Transfer.fixLength(isResponse, status, requestMethod, h, chunked);
    }

    /** A message as far as its framing goes. */
    record Message(boolean isResponse, int status, String method, List<String> contentLengths, boolean chunked) {
        long lengthBy(Subject s) throws IOException {
            return s.bodyLength(isResponse, status, method, List.copyOf(contentLengths), chunked);
        }

        @Override
        public String toString() {
            StringBuilder head = new StringBuilder();
            if (isResponse) head.append("HTTP/1.1 ").append(status).append(' ').append(Status.text(status));
            else head.append(method).append(" / HTTP/1.1");
            head.append("\r\n");
            for (String v : contentLengths) head.append("Content-Length: ").append(v).append("\r\n");
            if (chunked) head.append("Transfer-Encoding: chunked\r\n");
            head.append("\r\n");
            return (isResponse ? "a response to " + method + ": " : "the request ") + Show.q(head.toString());
        }
    }

    private static final List<String> LENGTHS = List.of(
            "5", "0", " 5 ", "", "05", "+5", "-1", "abc", "12", "9223372036854775808");
    private static final List<Integer> STATUSES = List.of(200, 204, 304, 100, 101, 404, 205);
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST");

    private static Gen<Message> messages(int maxLengths, List<String> lengths) {
        Gen<Message> base = booleans().all().zip(Generate.pick(STATUSES), Generate.pick(METHODS),
                (resp, status, method) -> new Message(resp, resp ? status : 0, method, List.of(), false));
        return base.zip(lists().of(Generate.pick(lengths)).ofSizeBetween(0, maxLengths), booleans().all(),
                (m, cls, chunked) -> new Message(m.isResponse(), m.status(), m.method(), cls, chunked));
    }

    /** What a rule made of a message: a length, or that it refused the message. */
    private static String length(Subject s, Message m) throws Exception {
        try {
            long n = m.lengthBy(s);
            return n == -1 ? "-1 (chunked or until close)" : Long.toString(n);
        } catch (IOException e) {
            return "rejected (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static final Subject REFERENCE = BodyFramingExercise::libraryLength;

    private static boolean cannotHaveBody(Message m) {
        int st = m.status();
        return m.isResponse() && (m.method().equals("HEAD") || st / 100 == 1 || st == 204 || st == 304);
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library",
                        "for every message: bodyLength(...) equals Transfer.fixLength(...), or both reject it",
                        messages(3, LENGTHS), Message::toString,
                        (s, m) -> {
                            String expected = length(REFERENCE, m);
                            String got = length(s, m);
                            boolean agree = expected.startsWith("rejected") ? got.startsWith("rejected")
                                    : expected.equals(got);
                            return agree ? null : "expected " + expected + ", got " + got;
                        }),
                Property.forAll("a response that cannot have a body has length 0",
                        "for responses to HEAD and 1xx, 204 and 304 responses with at most one valid "
                                + "Content-Length: bodyLength(...) is 0",
                        messages(1, LENGTHS.subList(0, 5)).map(m -> cannotHaveBody(m) ? m
                                : new Message(true, 204, m.method(), m.contentLengths(), m.chunked())),
                        Message::toString,
                        (s, m) -> Show.expect(0L, m.lengthBy(s))),
                Property.forAll("chunked wins over Content-Length",
                        "for a request, or a 200 response to GET, that is chunked: bodyLength(...) is -1 "
                                + "whatever one Content-Length field says",
                        messages(1, LENGTHS).map(m -> new Message(m.isResponse(), m.isResponse() ? 200 : 0, "GET",
                                m.contentLengths(), true)),
                        Message::toString,
                        (s, m) -> Show.expect(-1L, m.lengthBy(s))));
    }
}
