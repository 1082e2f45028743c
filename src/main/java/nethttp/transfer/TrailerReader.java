package nethttp.transfer;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nethttp.core.Header;
import nethttp.core.Mirrors;
import nethttp.core.ProtocolException;
import nethttp.textproto.BufioReader;
import nethttp.textproto.CanonicalKey;

/**
 * Reads a block of {@code Key: value} lines ended by a blank line, by the rules of Go's
 * {@code textproto.Reader.ReadMIMEHeader}, for the trailer of a chunked body.
 *
 * <p>The rules: the first line may not start with a blank; every field line needs a colon; a
 * line starting with a space or tab continues the previous one (joined with one space); the key
 * is everything before the first colon, canonicalised when it is a token and kept as sent when
 * not; an empty key is skipped; the value loses the blanks around it.
 *
 * <p>It is a small local copy: the general header reader lives in the textproto package, and
 * the trailer will use that one once both are in the same tree.
 */
@Mirrors(file = "net/textproto/reader.go", func = "Reader.ReadMIMEHeader")
final class TrailerReader {
    private final BufioReader r;

    TrailerReader(BufioReader r) {
        this.r = r;
    }

    /**
     * Reads fields up to and including the blank line.
     *
     * @throws EOFException when the stream ends before the blank line
     * @throws ProtocolException for a line that breaks the rules above
     */
    Header readMIMEHeader() throws IOException {
        Header m = new Header();
        byte[] first = r.peek(1);
        if (first.length == 1 && isBlank(first[0])) {
            throw new ProtocolException("malformed MIME header initial line: " + readLine());
        }
        while (true) {
            String kv = readContinuedLine();
            if (kv.isEmpty()) return m;
            int colon = kv.indexOf(':');
            String key = CanonicalKey.canonicalize(kv.substring(0, colon));
            if (key.isEmpty()) continue; // not a token, but Go lets it pass unrecorded
            m.add(key, trimLeft(kv.substring(colon + 1)));
        }
    }

    /** A field line with its continuation lines, each trimmed and joined by one space. */
    @Mirrors(file = "net/textproto/reader.go", func = "Reader.readContinuedLineSlice")
    private String readContinuedLine() throws IOException {
        String line = readLine();
        if (line.isEmpty()) return line;
        if (line.indexOf(':') < 0) {
            throw new ProtocolException("malformed MIME header: missing colon: " + GoQuote.quote(line));
        }
        StringBuilder joined = new StringBuilder(trim(line));
        while (skipSpace() > 0) {
            String more;
            try {
                more = readLine();
            } catch (EOFException e) {
                break;
            }
            joined.append(' ').append(trim(more));
        }
        return joined.toString();
    }

    /** Consumes spaces and tabs; returns how many. */
    private int skipSpace() throws IOException {
        int n = 0;
        while (true) {
            byte[] next = r.peek(1);
            if (next.length == 0 || !isBlank(next[0])) return n;
            r.discard(1);
            n++;
        }
    }

    /** One line without its ending, however many buffer-sized pieces it arrives in. */
    private String readLine() throws IOException {
        byte[] piece = r.readLinePiece();
        if (!r.lastPieceIncomplete()) return latin1(piece);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(piece);
        while (r.lastPieceIncomplete()) line.writeBytes(r.readLinePiece());
        return latin1(line.toByteArray());
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static String trim(String s) {
        int start = 0, end = s.length();
        while (start < end && isBlank((byte) s.charAt(start))) start++;
        while (end > start && isBlank((byte) s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static String trimLeft(String s) {
        int start = 0;
        while (start < s.length() && isBlank((byte) s.charAt(start))) start++;
        return s.substring(start);
    }
}
