package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import nethttp.core.Request;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.mux.ServeMux;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 03: which pattern answers a request, checked against a real {@link ServeMux}
 * holding the same patterns.
 */
public final class MuxMatchingExercise extends Exercise<MuxMatchingExercise.Subject> {

    /** What the student writes: {@code exercises.MuxMatching}. */
    public interface Subject {
        String match(List<String> patterns, String host, String path);
    }

    @Override
    public String id() {
        return "03-mux-matching";
    }

    @Override
    public String title() {
        return "ServeMux matching";
    }

    @Override
    public String chapter() {
        return "2 Handler & ServeMux";
    }

    @Override
    public String studentFile() {
        return "MuxMatching.java";
    }

    @Override
    public Subject reference() {
        return MuxMatchingExercise::libraryMatch;
    }

    @Override
    public Subject student() {
        return exercises.MuxMatching::match;
    }

    /** The pattern a real ServeMux reports for a GET of {@code path} on {@code host}. */
    static String libraryMatch(List<String> patterns, String host, String path) {
        ServeMux mux = new ServeMux();
        for (String p : patterns) mux.handle(p, (w, r) -> {});
        Request r = new Request();
        r.method = "GET";
        r.host = host;
        r.url.path = path;
        r.requestURI = path;
        return mux.handler(r).pattern();
    }

    private static final List<String> PATTERNS = List.of(
            "/", "/a/", "/a", "/a/b/", "/a/b", "/ab", "/b/", "example.com/", "example.com/a/", "other.org/b");
    private static final List<String> HOSTS = List.of("example.com", "other.org", "localhost");
    private static final List<String> PATHS = List.of("/", "/a", "/a/", "/a/b", "/a/b/c", "/ab", "/b", "/b/", "/c");

    /** A set of registered patterns and a request to route. */
    record Routing(List<String> patterns, String host, String path) {
        @Override
        public String toString() {
            return "patterns " + Show.q(patterns) + " and the request "
                    + Show.q("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        }
    }

    private static Gen<List<String>> patternSets() {
        return lists().of(Generate.pick(PATTERNS)).ofSizeBetween(1, 5)
                .map(ps -> new ArrayList<>(new LinkedHashSet<>(ps)));
    }

    private static Gen<Routing> routings() {
        return patternSets().zip(Generate.pick(HOSTS), Generate.pick(PATHS), Routing::new);
    }

    /** Requests for a path that is itself registered, among patterns without a host. */
    private static Gen<Routing> exactRoutings() {
        return routings().map(r -> {
            List<String> ps = new ArrayList<>(r.patterns().stream().filter(p -> p.startsWith("/")).toList());
            if (!ps.contains(r.path())) ps.add(r.path());
            return new Routing(ps, r.host(), r.path());
        });
    }

    /** Null when {@code winner} could answer the request at all. */
    private static String plausible(Routing r, String winner) {
        if (winner.isEmpty() || winner.equals(r.path() + "/")) return null;
        if (!r.patterns().contains(winner)) return "got " + Show.q(winner) + ", which is not a registered pattern";
        String target = winner.startsWith("/") ? r.path() : r.host() + r.path();
        boolean fits = winner.equals(target) || (winner.endsWith("/") && target.startsWith(winner));
        return fits ? null : "got " + Show.q(winner) + ", which does not match " + Show.q(target);
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library",
                        "for every set of patterns and request: match(...) equals the pattern ServeMux.handler reports",
                        routings(), Routing::toString,
                        (s, r) -> Show.expect(libraryMatch(r.patterns(), r.host(), r.path()),
                                s.match(List.copyOf(r.patterns()), r.host(), r.path()))),
                Property.forAll("picks a pattern that matches the request",
                        "the winner is \"\", path + \"/\", an exact pattern or a subtree pattern the path starts with",
                        routings(), Routing::toString,
                        (s, r) -> plausible(r, s.match(List.copyOf(r.patterns()), r.host(), r.path()))),
                Property.forAll("an exactly registered path wins",
                        "with no host patterns, when path is registered: match(...) is path",
                        exactRoutings(), Routing::toString,
                        (s, r) -> Show.expect(r.path(), s.match(List.copyOf(r.patterns()), r.host(), r.path()))));
    }
}
