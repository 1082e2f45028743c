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
            "5", "0", " 5 ", "", "05", "+5", "-1", "abc", "12", "9223372036854775808", "18446744073709551620",
            "9223372036854775807", "\t5\t", "\u000b5", "5\f", "\u00005", " ", "5 5", "0x5");
    private static final List<Integer> STATUSES = List.of(200, 204, 304, 100, 101, 404, 205, 102, 103, 199, 150);

    /** Every 1xx the registry knows, the ends of the range, and the statuses next to 204 and 304. */
    private static final List<Integer> EDGE_STATUSES = List.of(100, 101, 102, 103, 150, 199, 200, 203, 204, 205,
            303, 304, 305, 99, 404);

    /**
     * Content-Length values at the rules' edges: the largest length and one more, 20 digits
     * (which wrap around to 4 in a long), signs, every blank Go trims and the control bytes it
     * does not (\v, \f, NUL), an empty value (the same as none) and one of blanks only.
     */
    private static final List<String> EDGE_LENGTHS = List.of("5", "0", "", " ", "\t", "9223372036854775807",
            "9223372036854775808", "18446744073709551620", "18446744073709551616", "99999999999999999999",
            "00000000000000000000005", "+5", "-5", "-0", "5.0", "0x5", "5 5", " 5", "5 ", "\t5\t", "\r5\n",
            "\u000b5", "5\u000b", "\f5", "5\f", "\u00005", "5\u0000", "\u00a05", "\u0665");

    private static List<Message> edgeMessages() {
        List<Message> edges = new java.util.ArrayList<>();
        for (int status : EDGE_STATUSES) {
            edges.add(new Message(true, status, "GET", List.of("5"), false));
            edges.add(new Message(true, status, "GET", List.of(), false));
        }
        for (String cl : EDGE_LENGTHS) {
            edges.add(new Message(false, 0, "POST", List.of(cl), false));
            edges.add(new Message(true, 200, "GET", List.of(cl), false));
        }
        for (List<String> cls : List.of(List.of("", ""), List.of("5", " 5"), List.of("5", "5\t"), List.of("5", "6"),
                List.of("5", ""), List.of("", "5"), List.of("5", "05"), List.of("5", "5", "5"), List.of("5", "5", "6"))) {
            edges.add(new Message(false, 0, "POST", cls, false));
            edges.add(new Message(true, 200, "GET", cls, false));
        }
        for (String cl : List.of("5", "abc", "", "18446744073709551620")) {
            edges.add(new Message(false, 0, "POST", List.of(cl), true));
            edges.add(new Message(true, 200, "HEAD", List.of(cl), false));
            edges.add(new Message(true, 304, "GET", List.of(cl), true));
        }
        return edges;
    }
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
                        edgeMessages(), messages(3, LENGTHS), Message::toString,
                        (s, m) -> {
                            String expected = length(REFERENCE, m);
                            String got = length(s, m);
                            boolean agree = expected.startsWith("rejected") ? got.startsWith("rejected")
                                    : expected.equals(got);
                            return agree ? null : "expected " + expected + ", got " + got;
                        }),
                Property.forAll("a response that cannot have a body has length 0",
                        "for responses to HEAD and 1xx (100 to 199), 204 and 304 responses with at most one valid "
                                + "Content-Length: bodyLength(...) is 0",
                        EDGE_STATUSES.stream().filter(st -> st / 100 == 1 || st == 204 || st == 304)
                                .map(st -> new Message(true, st, "GET", List.of("5"), false)).toList(),
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
