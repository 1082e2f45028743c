package nethttp.textproto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers for tables whose inputs are written as Go string literals. */
public final class GoStrings {
    private GoStrings() {}

    /** One row of a table: a Go-quoted input and the expected outcome. */
    public record Row(String quoted, String input, String expected) {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** Reads a two-column table (Go literal, expected text) from a class-path resource. */
    public static List<Row> table(Class<?> near, String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = near.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n")) {
                String[] cols = line.split("\t", 2);
                rows.add(new Row(cols[0], unquote(cols[0]), cols[1]));
            }
        }
        if (rows.isEmpty()) throw new IllegalStateException("empty table " + resource);
        return rows;
    }

    /** Decodes a double-quoted Go literal as {@code %q} prints it, bytes kept one per char. */
    public static String unquote(String literal) {
        if (!literal.startsWith("\"") || !literal.endsWith("\"")) throw new IllegalArgumentException(literal);
        String s = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\', '"' -> out.append(e);
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("escape \\" + e + " in " + literal);
            }
        }
        return out.toString();
    }

    /** Lists the fields of a header the way the tables do: {@code "Key"="v1","v2"}, sorted. */
    public static String describe(MIMEHeader h) {
        StringBuilder b = new StringBuilder();
        h.asMap().forEach((k, vs) -> {
            if (k.equals("Host")) return;
            b.append(' ').append(Quote.quote(k)).append('=');
            for (int i = 0; i < vs.size(); i++) {
                if (i > 0) b.append(',');
                b.append(Quote.quote(vs.get(i)));
            }
        });
        return b.toString();
    }

    /** The error text Go would print: {@code EOF} for the end of the stream. */
    public static String goError(IOException e) {
        return e instanceof java.io.EOFException && e.getMessage() == null ? "EOF" : e.getMessage();
    }

    public static BufioReader smallReader(String wire) {
        return new BufioReader(new java.io.ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)), 16);
    }
}
