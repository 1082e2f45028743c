package nethttp.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nethttp.core.Header;
import nethttp.textproto.BufioReader;
import nethttp.textproto.Quote;

/** Test helpers for the client-side tables: Go literals, Go's way of printing headers. */
final class GoLiterals {
    private GoLiterals() {}

    /** Decodes a double-quoted Go literal as {@code %q} prints it, bytes kept one per char. */
    static String unquote(String literal) {
        return nethttp.textproto.GoStrings.unquote(literal);
    }

    /** The lines of a tab-separated class-path resource, each split into {@code columns} (the last may hold tabs). */
    static List<String[]> rows(String resource, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = GoLiterals.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) rows.add(line.split("\t", columns));
            }
        }
        if (rows.isEmpty()) throw new IllegalStateException("empty table " + resource);
        return rows;
    }

    /** A header as the Go table programs print it: {@code { "Key"="v1","v2" }}, or {@code nil}. */
    static String describe(Header h) {
        if (h == null) return "nil";
        StringBuilder b = new StringBuilder("{");
        h.asMap().forEach((k, vs) -> {
            b.append(' ').append(Quote.quote(k)).append('=');
            for (int i = 0; i < vs.size(); i++) {
                if (i > 0) b.append(',');
                b.append(Quote.quote(vs.get(i)));
            }
        });
        return b.append(" }").toString();
    }

    static BufioReader reader(String wire) {
        return new BufioReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static byte[] bytes(String wire) {
        return wire.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** What a body held before it ended or failed, and the failure, as Go's io.ReadAll reports. */
    record Drained(String data, String error) {}

    static Drained drain(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        try {
            for (int n; (n = in.read(buf)) != -1; ) out.write(buf, 0, n);
            return new Drained(text(out.toByteArray()), "nil");
        } catch (IOException e) {
            return new Drained(text(out.toByteArray()), e.getMessage());
        }
    }
}
