package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
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

    /** Token characters, the likeliest to matter first, so that shrinking ends on plain keys. */
    private static final List<Character> TOKEN_CHARS = chars("a-bAcBx-Zz09_.~!'");
    /** Bytes that may not appear in a header name. */
    private static final List<Character> NON_TOKEN = chars(" :\t\"(,é\u00ff@");

    private static List<Character> chars(String s) {
        return s.chars().mapToObj(c -> (char) c).toList();
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

    private static String asHeaderLine(String key) {
        return "key " + Show.q(key) + ", as in the header line " + Show.q(key + ": value\r\n");
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("agrees with the library on header names",
                        "for every token k: canonicalize(k) equals CanonicalKey.canonicalize(k)",
                        tokenKeys(), CanonicalKeysExercise::asHeaderLine,
                        (s, k) -> Show.expect(CanonicalKey.canonicalize(k), s.canonicalize(k))),
                Property.forAll("leaves a key with a non-token byte unchanged",
                        "for every k holding a space, a colon or another non-token byte: canonicalize(k) equals k",
                        nonTokenKeys(), CanonicalKeysExercise::asHeaderLine,
                        (s, k) -> Show.expect(k, s.canonicalize(k))),
                Property.forAll("ignores the case it is given",
                        "for every token k: canonicalize(lower(k)) equals canonicalize(upper(k))",
                        tokenKeys(), CanonicalKeysExercise::asHeaderLine,
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
