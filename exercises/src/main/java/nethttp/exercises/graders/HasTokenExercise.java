package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.textproto.HeaderTokens;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Exercise 08: finding a token in a header value, checked against {@link HeaderTokens#hasToken}. */
public final class HasTokenExercise extends Exercise<HasTokenExercise.Subject> {

    /** What the student writes: {@code exercises.HasToken}. */
    public interface Subject {
        boolean hasToken(String v, String token);
    }

    @Override
    public String id() {
        return "08-has-token";
    }

    @Override
    public String title() {
        return "Finding a token in a header value (hasToken)";
    }

    @Override
    public String chapter() {
        return "7 writing the response";
    }

    @Override
    public String studentFile() {
        return "HasToken.java";
    }

    @Override
    public Subject reference() {
        return HeaderTokens::hasToken;
    }

    @Override
    public Subject student() {
        return exercises.HasToken::hasToken;
    }

    /** A header value and the token searched for in it. */
    record Search(String value, String token) {
        @Override
        public String toString() {
            return "the field " + Show.q("Connection: " + value + "\r\n") + " searched for " + Show.q(token);
        }
    }

    private static final List<String> ELEMENTS = List.of(
            "close", "keep-alive", "Close", "closed", "xclose", "upgrade", "CLOSE", "te", "close;q=1", "");
    private static final List<String> SEPARATORS = List.of(", ", ",", " ", "\t", " ,  ", ";", "\r", "\u000b", "\f",
            "\u0000", "\n");

    /**
     * Values at the edges of "a boundary is the start, the end, a space, a comma or a tab": each
     * other control byte next to the token (CR, LF, \v, \f, NUL, \u001f, \u0085), words
     * separated by a space alone, a line break at the very end (which a regex's $ lets through),
     * the token inside longer words, and other bytes that only look like separators.
     */
    private static final List<String> EDGE_VALUES = List.of("close", "Close", "CLOSE", "keep-alive close",
            "close keep-alive", "keep-alive\tclose", "keep-alive,close", "a, close , b", " close", "close ",
            "close\r", "\rclose", "close\n", "\nclose", "close\r\n", "close\u000b", "\u000bclose", "close\f",
            "\fclose", "close\u0000", "\u0000close", "close\u001f", "\u001fclose", "close\u0085", "\u00a0close",
            "xclose", "closex", "closed", "close;q=1", "close:", "(close)", "\"close\"", "clos", "", ",", "clos\u00e9",
            "closeclose", "close-close", "keep-alive, closed, close");

    private static List<Search> edgeSearches() {
        List<Search> edges = new ArrayList<>();
        for (String v : EDGE_VALUES) edges.add(new Search(v, "close"));
        edges.add(new Search("TE, trailers", "te"));
        edges.add(new Search("upgrade\r\n", "upgrade"));
        edges.add(new Search("keep-alive\u000b", "keep-alive"));
        return edges;
    }
    private static final List<String> TOKENS = List.of("close", "keep-alive", "upgrade", "te");

    private static Gen<String> values(List<String> elements) {
        return lists().of(Generate.pick(elements)).ofSizeBetween(1, 4)
                .zip(Generate.pick(SEPARATORS), (es, sep) -> String.join(sep, es));
    }

    private static Gen<Search> searches() {
        return values(ELEMENTS).zip(Generate.pick(TOKENS), Search::new);
    }

    /** A list whose elements are whole words, with the token mixed in, in some spelling. */
    private static Gen<Search> present() {
        Gen<List<String>> words = lists().of(Generate.pick(ELEMENTS.subList(0, 8))).ofSizeBetween(0, 3);
        return words.zip(Generate.pick(TOKENS), integers().between(0, 3), (ws, t, at) -> {
            List<String> es = new ArrayList<>(ws);
            String spelled = switch (at % 3) {
                case 0 -> t;
                case 1 -> t.toUpperCase(Locale.ROOT);
                default -> Character.toUpperCase(t.charAt(0)) + t.substring(1);
            };
            es.add(Math.min(at, es.size()), spelled);
            return new Search(String.join(", ", es), t);
        });
    }

    /** Values made only of words that contain the token without being it. */
    private static Gen<Search> absent() {
        return Generate.pick(TOKENS).zip(lists().of(Generate.pick(List.of("x", "d", "-1", "s"))).ofSizeBetween(1, 3),
                (t, affixes) -> {
                    List<String> es = new ArrayList<>();
                    for (int i = 0; i < affixes.size(); i++) es.add(i % 2 == 0 ? t + affixes.get(i) : affixes.get(i) + t);
                    return new Search(String.join(", ", es), t);
                });
    }

    private static String found(boolean b) {
        return b ? "found" : "not found";
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library",
                        "for every value v and token t: hasToken(v, t) equals HeaderTokens.hasToken(v, t)",
                        edgeSearches(), searches(), Search::toString,
                        (s, q) -> Show.expect(found(HeaderTokens.hasToken(q.value(), q.token())),
                                found(s.hasToken(q.value(), q.token())))),
                Property.forAll("finds a listed element in any case",
                        "for a comma-separated list holding t in any case: hasToken(list, t) is true",
                        present(), Search::toString,
                        (s, q) -> Show.expect(found(true), found(s.hasToken(q.value(), q.token())))),
                Property.forAll("does not find a token inside a longer word",
                        "for a list of words that only contain t (closed, xclose): hasToken(list, t) is false",
                        absent(), Search::toString,
                        (s, q) -> Show.expect(found(false), found(s.hasToken(q.value(), q.token())))));
    }
}
