package nethttp.textproto;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nethttp.annotations.Mirrors;

/**
 * Reads the text parts of a message: single lines, folded lines, and a whole header block.
 * It is Go's {@code textproto.Reader}, placed over the connection's {@link BufioReader}.
 *
 * <p>Everything is handled as wire strings (ISO-8859-1, one {@code char} per byte). The end of
 * the stream surfaces as {@link EOFException}, as Go returns {@code io.EOF}; whether that is a
 * clean end or a truncated message is for the caller to judge (see the {@code wire} package).
 *
 * <p>Not thread-safe.
 */
@Mirrors(file = "net/textproto/reader.go", func = "Reader")
public final class Reader {
    private final BufioReader r;

    public Reader(BufioReader r) {
        this.r = r;
    }

    /**
     * Reads one line without its {@code \r\n} or {@code \n} ending, however long it is: pieces the
     * buffer hands out are joined. A last line without an ending is returned as it is.
     *
     * @throws EOFException when the stream ends before any byte of a line
     */
    @Mirrors(file = "net/textproto/reader.go", func = "Reader.ReadLine")
    public String readLine() throws IOException {
        byte[] first = r.readLinePiece();
        if (!r.lastPieceIncomplete()) return wire(first);
        ByteArrayOutputStream line = new ByteArrayOutputStream(first.length * 2);
        line.writeBytes(first);
        do {
            line.writeBytes(r.readLinePiece());
        } while (r.lastPieceIncomplete());
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads a line and the lines that continue it: a following line that starts with a space or
     * tab belongs to this one (obsolete line folding). Each continuation is joined with a single
     * space, after losing its leading blanks; blanks around each piece are trimmed. An empty line
     * is never continued.
     *
     * @throws EOFException when the stream ends before the first line
     */
    @Mirrors(file = "net/textproto/reader.go", func = "Reader.ReadContinuedLine")
    public String readContinuedLine() throws IOException {
        return readFoldedLine(false);
    }

    /**
     * Reads a header block: {@code Key: value} lines up to and including an empty line.
     *
     * <p>Go 1.19's rules, which this follows exactly:
     * <ul>
     *   <li>a block whose first line starts with a space or tab is rejected with
     *       {@code malformed MIME header initial line: <line>};</li>
     *   <li>a line (before its continuations) without a colon is rejected with
     *       {@code malformed MIME header: missing colon: "<line>"} (Go's quoting);</li>
     *   <li>the key is everything before the first colon, canonicalised
     *       ({@link CanonicalKey#canonicalize}); a key with a byte that is not a token character,
     *       such as the space in {@code "Foo : bar"}, is kept exactly as sent, so that the
     *       server can reject it as an invalid header name;</li>
     *   <li>an empty key ({@code ": value"}) is skipped without an error;</li>
     *   <li>the value loses its leading and trailing blanks; folded continuation lines are joined
     *       with one space;</li>
     *   <li>values of a repeated key are kept in order.</li>
     * </ul>
     *
     * @throws EOFException when the stream ends before the empty line ending the block
     * @throws TextprotoException for a malformed line, with Go's message
     */
    // tag::read-mime-header[]
    @Mirrors(file = "net/textproto/reader.go", func = "Reader.ReadMIMEHeader")
    public MIMEHeader readMIMEHeader() throws IOException {
        MIMEHeader header = new MIMEHeader();
        byte[] next = r.peek(1);
        if (next.length == 1 && isBlank(next[0])) {
            throw new TextprotoException(
                    "malformed MIME header initial line: " + readLine());
        }
        while (true) {
            String kv = readFoldedLine(true);
            if (kv.isEmpty()) return header;
            int colon = kv.indexOf(':');
            String key = CanonicalKey.canonicalize(kv.substring(0, colon));
            if (key.isEmpty()) continue; // tolerated, as Go does
            header.add(key, trimLeadingBlanks(kv.substring(colon + 1)));
        }
    }
    // end::read-mime-header[]

    /**
     * Go's {@code readContinuedLineSlice}: the first line, then every line that starts with a
     * blank. When {@code needColon}, the first line must hold a colon, so that a header name is
     * never split across lines.
     */
    @Mirrors(file = "net/textproto/reader.go", func = "Reader.readContinuedLineSlice")
    private String readFoldedLine(boolean needColon) throws IOException {
        String first = readLine();
        if (first.isEmpty()) return first;
        if (needColon && first.indexOf(':') < 0) {
            throw new TextprotoException("malformed MIME header: missing colon: " + Quote.quote(first));
        }
        StringBuilder line = new StringBuilder(trimBlanks(first));
        while (skipBlanks() > 0) {
            String continuation;
            try {
                continuation = readLine();
            } catch (EOFException e) {
                break; // Go keeps what it has; the caller meets the end on its next read
            }
            line.append(' ').append(trimBlanks(continuation));
        }
        return line.toString();
    }

    /** Consumes spaces and tabs; returns how many. Stops quietly at the end of the stream. */
    @Mirrors(file = "net/textproto/reader.go", func = "Reader.skipSpace")
    private int skipBlanks() throws IOException {
        int n = 0;
        while (true) {
            byte[] b = r.peek(1);
            if (b.length == 0 || !isBlank(b[0])) return n;
            r.discard(1);
            n++;
        }
    }

    private static boolean isBlank(int b) {
        return b == ' ' || b == '\t';
    }

    /** Removes spaces and tabs at both ends (not CR or LF, unlike {@link MIMEHeader#trim}). */
    @Mirrors(file = "net/textproto/reader.go", func = "trim")
    static String trimBlanks(String s) {
        int start = 0, end = s.length();
        while (start < end && isBlank(s.charAt(start))) start++;
        while (end > start && isBlank(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static String trimLeadingBlanks(String s) {
        int start = 0;
        while (start < s.length() && isBlank(s.charAt(start))) start++;
        return s.substring(start);
    }

    private static String wire(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
