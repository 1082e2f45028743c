package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.mux.ServeMux;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Exercise 02: cleaning a request path, checked against {@link ServeMux#cleanPath}. */
public final class CleanPathExercise extends Exercise<CleanPathExercise.Subject> {

    /** What the student writes: {@code exercises.CleanPath}. */
    public interface Subject {
        String cleanPath(String path);
    }

    @Override
    public String id() {
        return "02-clean-path";
    }

    @Override
    public String title() {
        return "Cleaning a request path";
    }

    @Override
    public String chapter() {
        return "2 Handler & ServeMux";
    }

    @Override
    public String studentFile() {
        return "CleanPath.java";
    }

    @Override
    public Subject reference() {
        return ServeMux::cleanPath;
    }

    @Override
    public Subject student() {
        return exercises.CleanPath::cleanPath;
    }

    private static final List<String> SEGMENTS = List.of("a", "b", "..", ".", "", "c.d", "...", "..a", "a.",
            "a\u0000b", "%2e%2e", "a b", "a\\..", "\u00e9");

    /**
     * Paths the chapter's rules single out: the root, runs of slashes, "." and ".." at the start,
     * the middle and the end (where "/a/." and "/a/.." name no directory, so get no slash), ".."
     * above the root, segments that only look like dots, and bytes a file-system API would refuse
     * or rewrite (NUL, a backslash, a byte above 127): a request path is not a file name.
     */
    private static final List<String> EDGES = List.of("", "/", "//", "///a//b//", "a", "a/b/", ".", "..", "/.", "/..",
            "/../a", "/../../a/", "/a/.", "/a/..", "/a/b/..", "/a/b/../", "/a/./b/../c//", "/a/...", "/a/..b", "/a/b./",
            "/...", "/a/.../..", "/a\u0000b", "/\u0000/..", "/a/\u0000/../b/", "/a\\../b", "/a\\b/../c", "/%2e%2e/a",
            "/a b/../c", "/\u00e9/./x", "/\u00ff/..");

    private static Gen<String> paths() {
        Gen<List<String>> segments = lists().of(Generate.pick(SEGMENTS)).ofSizeBetween(0, 7);
        return segments.zip(booleans().all(), booleans().all(),
                (segs, relative, trailing) -> (relative ? "" : "/") + String.join("/", segs) + (trailing ? "/" : ""));
    }

    private static String asRequest(String path) {
        return "path " + Show.q(path) + ", as in the request line " + Show.q("GET " + path + " HTTP/1.1\r\n");
    }

    /** Null when {@code cleaned} is rooted and has no empty, "." or ".." segment left. */
    private static String tidiness(String cleaned) {
        if (!cleaned.startsWith("/")) return "the result " + Show.q(cleaned) + " does not start with \"/\"";
        List<String> segs = Arrays.asList(cleaned.substring(1).split("/", -1));
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            boolean last = i == segs.size() - 1;
            if (s.equals(".") || s.equals("..") || (s.isEmpty() && !last)) {
                return "the result " + Show.q(cleaned) + " still has the segment " + Show.q(s);
            }
        }
        return null;
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library",
                        "for every path p: cleanPath(p) equals ServeMux.cleanPath(p)",
                        EDGES, paths(), CleanPathExercise::asRequest,
                        (s, p) -> Show.expect(ServeMux.cleanPath(p), s.cleanPath(p))),
                Property.forAll("gives a rooted path with no empty, \".\" or \"..\" segments",
                        "for every path p: cleanPath(p) starts with / and has no //, /./ or /../ left",
                        EDGES, paths(), CleanPathExercise::asRequest,
                        (s, p) -> tidiness(s.cleanPath(p))),
                Property.forAll("keeps a trailing slash",
                        "for every path p ending in /: cleanPath(p) ends in /",
                        paths().map(p -> p.endsWith("/") ? p : p + "/"), CleanPathExercise::asRequest,
                        (s, p) -> {
                            String c = s.cleanPath(p);
                            return c.endsWith("/") ? null : "got " + Show.q(c) + ", which lost the slash";
                        }),
                Property.forAll("is idempotent",
                        "for every path p: cleanPath(cleanPath(p)) equals cleanPath(p)",
                        EDGES, paths(), CleanPathExercise::asRequest,
                        (s, p) -> {
                            String once = s.cleanPath(p);
                            String twice = s.cleanPath(once);
                            return once.equals(twice) ? null
                                    : "once gives " + Show.q(once) + ", twice gives " + Show.q(twice);
                        }));
    }
}
