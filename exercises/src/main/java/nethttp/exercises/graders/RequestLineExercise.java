package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Optional;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.wire.HttpVersion;
import nethttp.wire.RequestLine;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 04: parsing the request line, checked against {@link RequestLine#parse} followed by
 * {@link HttpVersion#parse}.
 */
public final class RequestLineExercise extends Exercise<RequestLineExercise.Subject> {

    /** The parts of a parsed line, as the grader compares them. */
    public record Parsed(String method, String target, int major, int minor) {
        @Override
        public String toString() {
            return "method " + Show.q(method) + ", target " + Show.q(target) + ", version " + major + "." + minor;
        }
    }

    /** What the student writes: {@code exercises.RequestLineParser}. */
    public interface Subject {
        Optional<Parsed> parse(String line);
    }

    @Override
    public String id() {
        return "04-request-line";
    }

    @Override
    public String title() {
        return "Parsing the request line";
    }

    @Override
    public String chapter() {
        return "5 readRequest & textproto";
    }

    @Override
    public String studentFile() {
        return "RequestLineParser.java";
    }

    @Override
    public Subject reference() {
        return RequestLineExercise::libraryParse;
    }

    @Override
    public Subject student() {
        return line -> exercises.RequestLineParser.parse(line)
                .map(p -> new Parsed(p.method(), p.target(), p.major(), p.minor()));
    }

    static Optional<Parsed> libraryParse(String line) {
        return RequestLine.parse(line).flatMap(rl -> HttpVersion.parse(rl.proto())
                .map(v -> new Parsed(rl.method(), rl.requestURI(), v.major(), v.minor())));
    }

    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "get", "");
    private static final List<String> TARGETS = List.of("/", "/a?b=c", "*", "http://x/", "", "/a b");
    private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9",
            "HTTP/1.10", "HTTP/01.1", "http/1.1", "HTTP/1", "HTTP/1.1 ", "HTTP/x.1", "HTTP/1.1.1", "HTTP/11",
            "HTTP/1x1", "HTTP/1.1\r", "HTTP/1,1", "HTTP/9.9");

    /**
     * Versions one character away from right: the dot (any byte in its place), each digit, the
     * case of the name, a line break or a blank after it (which a regex's $ lets through).
     */
    private static final List<String> EDGE_VERSIONS = List.of("HTTP/1.1", "HTTP/1.0", "HTTP/0.0", "HTTP/9.9",
            "HTTP/2.0", "HTTP/1x1", "HTTP/1,1", "HTTP/1-1", "HTTP/1 1", "HTTP/101", "HTTP/1.x", "HTTP/x.1", "HTTP/:.1",
            "HTTP/1./", "HTTP/1.10", "HTTP/01.1", "HTTP/1.", "HTTP/.1", "HTTP/1", "HTTP/", "http/1.1", "Http/1.1",
            "HTTPS/1.1", "HTTP/1.1 ", "HTTP/1.1\r", "HTTP/1.1\n", "HTTP/1.1\r\n", "HTTP/1.1\u0085", "HTTP/1.1\t",
            " HTTP/1.1", "HTTP/1.1.1", "HTTP/\u00b9.1");

    /** Lines whose shape the rule decides: empty parts, extra spaces, tabs, no spaces. */
    private static final List<String> EDGE_SHAPES = List.of("GET / %s", "  %s", " / %s", "GET  %s", "GET /a b %s",
            "GET\t/ %s", "GET /\t%s", "GET %s", "%s", "GET / / %s", "G\u00e9T /\u00ff %s");

    private static List<String> edgeLines() {
        List<String> edges = new java.util.ArrayList<>();
        for (String v : EDGE_VERSIONS) edges.add("GET / " + v);
        for (String shape : EDGE_SHAPES) edges.add(shape.formatted("HTTP/1.1"));
        edges.addAll(List.of("", " ", "  ", "GET", "GET /"));
        return edges;
    }

    /** Well-formed lines with an empty method, an empty target, or both: they split fine. */
    private static final List<Parsed> EDGE_PARTS = List.of(new Parsed("", "", 1, 1), new Parsed("", "/", 1, 0),
            new Parsed("GET", "", 1, 1), new Parsed("M-SEARCH", "*", 1, 1), new Parsed("GET", "/", 0, 0),
            new Parsed("GET", "/", 9, 9));
    private static final List<String> SEPARATORS = List.of(" ", "  ", "\t", "");

    private static Gen<String> lines() {
        Gen<String> start = Generate.pick(METHODS).zip(Generate.pick(SEPARATORS), Generate.pick(TARGETS),
                (m, sep, t) -> m + sep + t);
        return start.zip(Generate.pick(SEPARATORS), Generate.pick(VERSIONS), (st, sep, v) -> st + sep + v);
    }

    private static Gen<Parsed> wellFormed() {
        Gen<Parsed> noVersion = Generate.pick(List.of("GET", "POST", "OPTIONS", "PROPFIND"))
                .zip(Generate.pick(List.of("/", "/index.html", "*", "/a?q=1", "http://example.com/")),
                        (m, t) -> new Parsed(m, t, 0, 0));
        return noVersion.zip(integers().between(0, 9), integers().between(0, 9),
                (p, major, minor) -> new Parsed(p.method(), p.target(), major, minor));
    }

    private static String line(Parsed p) {
        return p.method() + " " + p.target() + " HTTP/" + p.major() + "." + p.minor();
    }

    private static String asLine(String line) {
        return "request line " + Show.q(line + "\r\n");
    }

    private static String describe(Optional<Parsed> p) {
        return p == null ? "null" : p.map(Parsed::toString).orElse("not a request line (empty)");
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library",
                        "for every line: parse(line) equals RequestLine.parse then HttpVersion.parse",
                        edgeLines(), lines(), RequestLineExercise::asLine,
                        (s, l) -> {
                            Optional<Parsed> expected = libraryParse(l);
                            Optional<Parsed> got = s.parse(l);
                            return expected.equals(got) ? null
                                    : "expected " + describe(expected) + ", got " + describe(got);
                        }),
                Property.forAll("gives back what a well-formed line was made of",
                        "for a method m and a target t without spaces (either may be empty) and digits a, b: "
                                + "parse(m + \" \" + t + \" HTTP/a.b\") gives m, t, a, b",
                        EDGE_PARTS, wellFormed(), p -> asLine(line(p)),
                        (s, p) -> {
                            Optional<Parsed> got = s.parse(line(p));
                            return Optional.of(p).equals(got) ? null
                                    : "expected " + describe(Optional.of(p)) + ", got " + describe(got);
                        }),
                Property.forAll("rejects a line without two spaces",
                        "for every line with fewer than two spaces: parse(line) is empty",
                        lines().map(l -> {
                            int first = l.indexOf(' ');
                            return first < 0 ? l : l.substring(0, first + 1) + l.substring(first + 1).replace(" ", "");
                        }), RequestLineExercise::asLine,
                        (s, l) -> {
                            Optional<Parsed> got = s.parse(l);
                            return got != null && got.isEmpty() ? null : "expected empty, got " + describe(got);
                        }));
    }
}
