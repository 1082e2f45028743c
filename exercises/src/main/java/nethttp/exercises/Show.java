package nethttp.exercises;

import java.util.Objects;
import nethttp.textproto.Quote;

/** How graders show wire text to a student: quoted as Go's {@code %q}, so {@code \r\n} is visible. */
public final class Show {
    private Show() {}

    /** {@code s} quoted, one byte per char, with control bytes escaped. */
    public static String q(String s) {
        return s == null ? "null" : Quote.quote(s);
    }

    /** A list of strings quoted as Go's {@code %q} shows a slice: {@code ["a" "b"]}. */
    public static String q(java.util.List<String> list) {
        return list == null ? "null" : Quote.quote(list);
    }

    /** Null when {@code got} equals {@code expected}, else "expected ..., got ...". */
    public static String expect(Object expected, Object got) {
        if (Objects.equals(expected, got)) return null;
        return "expected " + value(expected) + ", got " + value(got);
    }

    private static String value(Object o) {
        return o instanceof String s ? q(s) : String.valueOf(o);
    }
}
