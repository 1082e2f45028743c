package nethttp.textproto;

import nethttp.annotations.Mirrors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A header block as the text protocol knows it: a map from canonical key to a list of values,
 * with no idea of what HTTP makes of them.
 *
 * <p>Keys are stored in their canonical spelling (see {@link CanonicalKey#canonicalize}); every
 * method here canonicalises the key it is given, so {@code get("content-type")} finds
 * {@code Content-Type}. Keys are kept sorted, which is the order in which Go writes them on the
 * wire and the order in which Go's JSON encoder lists them.
 *
 * <p>Strings hold wire bytes one-for-one: a header read from the network is decoded as
 * ISO-8859-1, so every byte becomes exactly one {@code char} and writes back unchanged.
 *
 * <p>HTTP's own header type, {@code nethttp.core.Header}, extends this one with what HTTP adds
 * (writing the block out), as Go's {@code http.Header} shares its representation with
 * {@code textproto.MIMEHeader}. Not safe for concurrent mutation, like Go's.
 */
@Mirrors(file = "net/textproto/header.go", func = "MIMEHeader")
public class MIMEHeader {
    private final TreeMap<String, List<String>> fields;

    public MIMEHeader() {
        this.fields = new TreeMap<>();
    }

    /**
     * Takes over the fields of {@code other} without copying them, the way Go converts a
     * {@code textproto.MIMEHeader} into an {@code http.Header}: both then see the same map, so the
     * caller should stop using {@code other}.
     */
    protected MIMEHeader(MIMEHeader other) {
        this.fields = other.fields;
    }

    /** Adds a value to those of a key. */
    @Mirrors(file = "net/textproto/header.go", func = "MIMEHeader.Add")
    @Mirrors(file = "net/http/header.go", func = "Header.Add")
    public void add(String key, String value) {
        fields.computeIfAbsent(CanonicalKey.canonicalize(key), k -> new ArrayList<>(1)).add(value);
    }

    /** Replaces all values of a key with one. */
    @Mirrors(file = "net/textproto/header.go", func = "MIMEHeader.Set")
    @Mirrors(file = "net/http/header.go", func = "Header.Set")
    public void set(String key, String value) {
        List<String> one = new ArrayList<>(1);
        one.add(value);
        fields.put(CanonicalKey.canonicalize(key), one);
    }

    /** Replaces all values of a key with these, stored under the key exactly as given. */
    public void setRaw(String key, List<String> values) {
        fields.put(key, new ArrayList<>(values));
    }

    /** The first value of a key, or {@code ""} when there is none (as Go returns). */
    @Mirrors(file = "net/textproto/header.go", func = "MIMEHeader.Get")
    @Mirrors(file = "net/http/header.go", func = "Header.Get")
    public String get(String key) {
        List<String> v = fields.get(CanonicalKey.canonicalize(key));
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** All values of a key, in the order they were added; empty when there is none. */
    @Mirrors(file = "net/textproto/header.go", func = "MIMEHeader.Values")
    @Mirrors(file = "net/http/header.go", func = "Header.Values")
    public List<String> values(String key) {
        List<String> v = fields.get(CanonicalKey.canonicalize(key));
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    /** Whether the key is present, even with no values. */
    @Mirrors(file = "net/http/header.go", func = "Header.has")
    public boolean has(String key) {
        return fields.containsKey(CanonicalKey.canonicalize(key));
    }

    /** Removes a key and its values. */
    @Mirrors(file = "net/textproto/header.go", func = "MIMEHeader.Del")
    @Mirrors(file = "net/http/header.go", func = "Header.Del")
    public void del(String key) {
        fields.remove(CanonicalKey.canonicalize(key));
    }

    /** The keys present, sorted. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** A read-only view of the whole map, sorted by key. */
    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(fields);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public int size() {
        return fields.size();
    }

    /** A deep copy. */
    public MIMEHeader copy() {
        MIMEHeader h = new MIMEHeader();
        copyInto(h);
        return h;
    }

    /** Puts a deep copy of every field into {@code target}, for subclasses' {@code copy}. */
    protected final void copyInto(MIMEHeader target) {
        fields.forEach((k, v) -> target.fields.put(k, new ArrayList<>(v)));
    }

    /** Trims ASCII spaces, tabs, CR and LF at both ends (not all of Java's whitespace). */
    @Mirrors(file = "net/textproto/textproto.go", func = "TrimString")
    public static String trim(String s) {
        int start = 0, end = s.length();
        while (start < end && isBlank(s.charAt(start))) start++;
        while (end > start && isBlank(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Equal when the fields are: a {@code Header} and a {@code MIMEHeader} with the same fields are equal. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof MIMEHeader h && h.fields.equals(fields);
    }

    @Override
    public final int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
