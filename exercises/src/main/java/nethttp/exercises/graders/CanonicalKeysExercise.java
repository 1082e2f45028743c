package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.textproto.CanonicalKey;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Exercise 01: canonical header keys, checked against {@link CanonicalKey#canonicalize}. */
public final class CanonicalKeysExercise extends Exercise<CanonicalKeysExercise.Subject> {

    /** What the student writes: {@code exercises.CanonicalKeys}. */
    public interface Subject {
        String canonicalize(String key);
    }

    @Override
    public String id() {
        return "01-canonical-keys";
    }

    @Override
    public String title() {
        return "Canonical header keys";
    }

    @Override
    public String chapter() {
        return "5 readRequest & textproto";
    }

    @Override
    public String studentFile() {
        return "CanonicalKeys.java";
    }

    @Override
    public Subject reference() {
        return CanonicalKey::canonicalize;
    }

    @Override
    public Subject student() {
        return exercises.CanonicalKeys::canonicalize;
    }

    /** The token specials: with letters and digits, every byte a header name may hold. */
    static final String SPECIALS = "!#$%&'*+-.^_`|~";
    /** Token characters, simplest first, so that shrinking ends on plain keys; every one is there. */
    private static final List<Character> TOKEN_CHARS = chars("a-bAcBxZz09_.~!'" + SPECIALS
            + "defghijklmnopqrstuvwyCDEFGHIJKLMNOPQRSTUVWXY12345678");
    /** Every byte that may not appear in a header name: controls, space, DEL, delimiters, bytes above 127. */
    private static final List<Character> NON_TOKEN = IntStream.range(0, 256)
            .filter(c -> !CanonicalKey.isTokenChar(c)).mapToObj(c -> (char) c).toList();

    private static List<Character> chars(String s) {
        return s.chars().distinct().mapToObj(c -> (char) c).toList();
    }

    private static Gen<String> tokenKeys() {
        return lists().of(Generate.pick(TOKEN_CHARS)).ofSizeBetween(0, 14)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    private static Gen<String> nonTokenKeys() {
        return tokenKeys().zip(Generate.pick(NON_TOKEN), integers().between(0, 14), (k, bad, at) -> {
            int i = Math.min(at, k.length());
            return k.substring(0, i) + bad + k.substring(i);
        });
    }

    /** Each special between two letters and at the start, word edges, digits, the empty key. */
    private static List<String> tokenEdges() {
        List<String> edges = new ArrayList<>(List.of("", "a", "content-type", "CONTENT-TYPE", "x-1a-b2", "-a", "a-",
                "a--b", "1a-2b", "x_forwarded-for", "a.b-c.d"));
        for (char c : SPECIALS.toCharArray()) {
            edges.add("ab" + c + "cd");
            edges.add(c + "ab");
        }
        return edges;
    }

    /** Every non-token byte, inside a key that would otherwise be rewritten. */
    private static List<String> nonTokenEdges() {
        List<String> edges = new ArrayList<>();
        for (char c : NON_TOKEN) edges.add("content" + c + "type");
        for (char c : NON_TOKEN) edges.add(c + "ab");
        return edges;
    }

    private static String asHeaderLine(String key) {
        return "key " + Show.q(key) + ", as in the header line " + Show.q(key + ": value\r\n");
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library on header names",
                        "for every token k (letters, digits and " + SPECIALS + "): "
                                + "canonicalize(k) equals CanonicalKey.canonicalize(k)",
                        tokenEdges(), tokenKeys(), CanonicalKeysExercise::asHeaderLine,
                        (s, k) -> Show.expect(CanonicalKey.canonicalize(k), s.canonicalize(k))),
                Property.forAll("leaves a key with a non-token byte unchanged",
                        "for every k holding a non-token byte (a control byte, space, DEL, one of "
                                + "\"(),/:;<=>?@[\\]{} or a byte above 127): canonicalize(k) equals k",
                        nonTokenEdges(), nonTokenKeys(), CanonicalKeysExercise::asHeaderLine,
                        (s, k) -> Show.expect(k, s.canonicalize(k))),
                Property.forAll("ignores the case it is given",
                        "for every token k: canonicalize(lower(k)) equals canonicalize(upper(k))",
                        tokenEdges(), tokenKeys(), CanonicalKeysExercise::asHeaderLine,
                        (s, k) -> {
                            String lower = s.canonicalize(k.toLowerCase(Locale.ROOT));
                            String upper = s.canonicalize(k.toUpperCase(Locale.ROOT));
                            return lower.equals(upper) ? null
                                    : "from lower case " + Show.q(lower) + ", from upper case " + Show.q(upper);
                        }),
                Property.forAll("is idempotent",
                        "for every k: canonicalize(canonicalize(k)) equals canonicalize(k)",
                        tokenKeys().mix(nonTokenKeys()), CanonicalKeysExercise::asHeaderLine,
                        (s, k) -> {
                            String once = s.canonicalize(k);
                            String twice = s.canonicalize(once);
                            return once.equals(twice) ? null
                                    : "once gives " + Show.q(once) + ", twice gives " + Show.q(twice);
                        }));
    }
}
