package nethttp.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nethttp.annotations.Mirrors;
import nethttp.textproto.CanonicalKey;
import nethttp.textproto.Guts;

/**
 * The header fields of a request or response: a map from canonical key to a list of values.
 *
 * <p>Keys are stored in their canonical spelling (see {@link CanonicalKey#canonicalize}); every
 * method here canonicalises the key it is given, so {@code get("content-type")} finds
 * {@code Content-Type}. Keys are kept sorted, which is the order in which Go writes them on the
 * wire and the order in which Go's JSON encoder lists them.
 *
 * <p>Strings hold wire bytes one-for-one: a header read from the network is decoded as
 * ISO-8859-1, so every byte becomes exactly one {@code char} and writes back unchanged.
 *
 * <p>Not safe for concurrent mutation, like Go's.
 */
@Mirrors(file = "net/http/header.go", func = "Header")
public final class Header {
    private final TreeMap<String, List<String>> fields = new TreeMap<>();

    /** Adds a value to those of a key. */
    @Mirrors(file = "net/http/header.go", func = "Header.Add")
    public void add(String key, String value) {
        fields.computeIfAbsent(CanonicalKey.canonicalize(key), k -> new ArrayList<>(1)).add(value);
    }

    /** Replaces all values of a key with one. */
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
    @Mirrors(file = "net/http/header.go", func = "Header.Get")
    public String get(String key) {
        List<String> v = fields.get(CanonicalKey.canonicalize(key));
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** All values of a key, in the order they were added; empty when there is none. */
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
    @Mirrors(file = "net/http/header.go", func = "Header.Clone")
    public Header copy() {
        Header h = new Header();
        fields.forEach((k, v) -> h.fields.put(k, new ArrayList<>(v)));
        return h;
    }

    /**
     * Writes the fields in wire format, keys sorted, skipping the keys in {@code exclude}
     * (canonical spelling). Line breaks inside values become spaces and surrounding blanks are
     * trimmed, so a value can never start a new header line. A key that is not a valid field name
     * (a token) is left out altogether: written, it could smuggle a line of its own or break the
     * {@code name: value} shape.
     */
    @Mirrors(file = "net/http/header.go", func = "Header.writeSubset")
    public void write(OutputStream out, Set<String> exclude) throws IOException {
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            if (exclude.contains(e.getKey())) continue;
            if (!Guts.validHeaderFieldName(e.getKey())) continue;
            for (String v : e.getValue()) {
                String line = e.getKey() + ": " + trim(v.replace('\n', ' ').replace('\r', ' ')) + "\r\n";
                out.write(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Writes all fields in wire format. */
    @Mirrors(file = "net/http/header.go", func = "Header.Write")
    public void write(OutputStream out) throws IOException {
        write(out, Set.of());
    }

    /** Trims ASCII spaces and tabs, as textproto does (not all of Java's whitespace). */
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

    /**
     * Whether this header asks to switch protocols: an {@code Upgrade} value, and the
     * {@code upgrade} token in some {@code Connection} line.
     */
    @Mirrors(file = "net/http/response.go", func = "isProtocolSwitchHeader")
    public boolean isProtocolSwitch() {
        return !get("Upgrade").isEmpty() && Guts.headerValuesContainsToken(values("Connection"), "Upgrade");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && h.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
