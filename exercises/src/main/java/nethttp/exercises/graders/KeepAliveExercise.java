package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import nethttp.core.Header;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.transfer.Transfer;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Exercise 07: keep-alive decisions, checked against {@link Transfer#shouldClose}. */
public final class KeepAliveExercise extends Exercise<KeepAliveExercise.Subject> {

    /** What the student writes: {@code exercises.KeepAlive}. */
    public interface Subject {
        boolean shouldClose(int major, int minor, List<String> connection);
    }

    @Override
    public String id() {
        return "07-keep-alive";
    }

    @Override
    public String title() {
        return "Keep-alive decisions (shouldClose)";
    }

    @Override
    public String chapter() {
        return "4 conn.serve loop & states";
    }

    @Override
    public String studentFile() {
        return "KeepAlive.java";
    }

    @Override
    public Subject reference() {
        return KeepAliveExercise::libraryShouldClose;
    }

    @Override
    public Subject student() {
        return exercises.KeepAlive::shouldClose;
    }

    static boolean libraryShouldClose(int major, int minor, List<String> connection) {
        Header h = new Header();
        for (String v : connection) h.add("Connection", v);
        return Transfer.shouldClose(major, minor, h, false);
    }

    /** A request's version and its Connection field lines. */
    record Message(int major, int minor, List<String> connection) {
        @Override
        public String toString() {
            StringBuilder head = new StringBuilder("GET / HTTP/" + major + "." + minor + "\r\n");
            for (String v : connection) head.append("Connection: ").append(v).append("\r\n");
            return "the request " + Show.q(head.append("\r\n").toString());
        }
    }

    private static final List<int[]> VERSIONS = List.of(new int[] {1, 1}, new int[] {1, 0}, new int[] {0, 9},
            new int[] {2, 0}, new int[] {1, 2});
    private static final List<String> VALUES = List.of("keep-alive", "close", "Close", "KEEP-ALIVE",
            "keep-alive, close", " close ", "closed", "upgrade", "Upgrade,close", "xclose", "", "close, keep-alive",
            "close\u000b", "\fclose", "close\r", "keep-alive close", "keep-alive\u0000");
    private static final List<String> CLOSES = List.of("close", "CLOSE", "Close", "upgrade, close", " close\t");

    /**
     * Connection values at the edges of "blanks are spaces and tabs": each other control byte
     * next to a token (\v, \f, NUL, CR, LF, \u001f), words separated by a space instead of a
     * comma, empty elements, and a byte above 127 in the token.
     */
    private static final List<String> EDGE_VALUES = List.of("close", "Close", "CLOSE", " close\t", "\tclose",
            "close\u000b", "\u000bclose", "close\f", "\fclose", "close\u0000", "\u0000close", "close\r", "\rclose",
            "close\n", "\u001fclose", "\u0085close", "\u00a0close", "keep-alive close", "close keep-alive",
            "keep-alive\tclose", "keep-alive", " keep-alive ", "keep-alive\u000b", "\fkeep-alive", "keep-alive\r",
            "keep-alive\u0000", "Keep-Alive", "keep-alive upgrade", "upgrade,close", "upgrade,,close", ",close,", "",
            ",", "clos\u00e9", "clos", "closed", "close;", "\"close\"");

    private static List<Message> edgeMessages() {
        List<Message> edges = new ArrayList<>();
        for (int[] v : List.of(new int[] {1, 1}, new int[] {1, 0})) {
            for (String value : EDGE_VALUES) edges.add(new Message(v[0], v[1], List.of(value)));
            edges.add(new Message(v[0], v[1], List.of("keep-alive", "close")));
            edges.add(new Message(v[0], v[1], List.of("close", "keep-alive")));
            edges.add(new Message(v[0], v[1], List.of("", "keep-alive")));
        }
        for (int[] v : VERSIONS) edges.add(new Message(v[0], v[1], List.of()));
        edges.add(new Message(0, 9, List.of("keep-alive")));
        return edges;
    }

    private static Gen<Message> messages() {
        return Generate.pick(VERSIONS).zip(lists().of(Generate.pick(VALUES)).ofSizeBetween(0, 3),
                (v, cs) -> new Message(v[0], v[1], cs));
    }

    private static Gen<Message> withClose() {
        return messages().zip(Generate.pick(CLOSES), integers().between(0, 3), (m, c, at) -> {
            List<String> cs = new ArrayList<>(m.connection());
            cs.add(Math.min(at, cs.size()), c);
            return new Message(m.major(), m.minor(), cs);
        });
    }

    private static String answer(boolean close) {
        return close ? "close" : "keep open";
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library",
                        "for every version and Connection fields: shouldClose(...) equals Transfer.shouldClose(...)",
                        edgeMessages(), messages(), Message::toString,
                        (s, m) -> Show.expect(answer(libraryShouldClose(m.major(), m.minor(), m.connection())),
                                answer(s.shouldClose(m.major(), m.minor(), List.copyOf(m.connection()))))),
                Property.forAll("Connection: close always closes",
                        "for every version and Connection fields holding the token close (any case): "
                                + "shouldClose(...) is true",
                        withClose(), Message::toString,
                        (s, m) -> Show.expect(answer(true),
                                answer(s.shouldClose(m.major(), m.minor(), List.copyOf(m.connection()))))),
                Property.forAll("HTTP/1.1 without Connection stays open, HTTP/1.0 closes",
                        "with no Connection field: shouldClose(1, 1) is false, shouldClose(1, 0) is true",
                        Generate.pick(VERSIONS.subList(0, 2)).map(v -> new Message(v[0], v[1], List.of())),
                        Message::toString,
                        (s, m) -> Show.expect(answer(m.minor() == 0), answer(s.shouldClose(m.major(), m.minor(), List.of())))));
    }
}
