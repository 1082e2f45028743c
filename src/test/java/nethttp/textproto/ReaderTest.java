package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nethttp.core.Header;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ReaderTest {

    private static Reader reader(String wire) {
        return new Reader(GoStrings.smallReader(wire));
    }

    @Test
    void readLineJoinsPiecesLongerThanTheBuffer() throws IOException {
        String longLine = "0123456789".repeat(10);
        Reader r = reader(longLine + "\r\nnext\nlast");
        assertEquals(longLine, r.readLine());
        assertEquals("next", r.readLine());
        assertEquals("last", r.readLine());
        assertThrows(EOFException.class, r::readLine);
    }

    @Test
    void readLineSeesACarriageReturnSplitAcrossPieces() throws IOException {
        String fifteen = "x".repeat(15);
        Reader r = reader(fifteen + "\r\nafter\r\n");
        assertEquals(fifteen, r.readLine());
        assertEquals("after", r.readLine());
    }

    @Test
    void readContinuedLineFoldsLikeGo() throws IOException {
        // The example of Go's documentation for ReadContinuedLine.
        Reader r = reader("Line 1\r\n  continued...\r\nLine 2\r\n\r\nLine 3  \r\n\t\r\n");
        assertEquals("Line 1 continued...", r.readContinuedLine());
        assertEquals("Line 2", r.readContinuedLine());
        assertEquals("", r.readContinuedLine());
        assertEquals("Line 3 ", r.readContinuedLine()); // a blank continuation still adds its space
        assertThrows(EOFException.class, r::readContinuedLine);
    }

    @Test
    void theHeaderBlockLeavesTheRestOfTheStreamAlone() throws IOException {
        BufioReader b = GoStrings.smallReader("A: 1\r\n\r\nrest");
        MIMEHeader h = new Reader(b).readMIMEHeader();
        assertEquals("1", h.get("A"));
        assertEquals("rest", new String(b.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aSpaceBeforeTheColonKeepsTheKeyAsSent() throws IOException {
        MIMEHeader h = reader("content-length : 5\r\n\r\n").readMIMEHeader();
        assertEquals(List.of("content-length "), List.copyOf(h.keys()));
        assertEquals("", h.get("Content-Length"));
    }

    @Test
    void malformedLinesCarryGoMessages() {
        assertEquals("malformed MIME header: missing colon: \"No colon here\"",
                assertThrows(TextprotoException.class, () -> reader("No colon here\r\n\r\n").readMIMEHeader()).getMessage());
        assertEquals("malformed MIME header initial line:  Folded: first",
                assertThrows(TextprotoException.class, () -> reader(" Folded: first\r\n\r\n").readMIMEHeader()).getMessage());
    }

    /** Header keys: a canonical token; values: visible text with inner spaces, no leading or trailing blank. */
    private static Gen<String> keys() {
        return lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 6))
                .ofSizeBetween(1, 3).map(parts -> CanonicalKey.canonicalize(String.join("-", parts)));
    }

    private static Gen<String> values() {
        return strings().betweenCodePoints(0x20, 0xff).ofLengthBetween(0, 30)
                .map(s -> MIMEHeader.trim(s.replace('\u007f', '_')));
    }

    @Test
    void aWrittenHeaderReadsBackTheSame() {
        qt().forAll(lists().of(keys()).ofSizeBetween(0, 6), lists().of(values()).ofSizeBetween(6, 6),
                        integers().between(16, 64))
                .check((ks, vs, bufferSize) -> {
                    Header written = new Header();
                    for (int i = 0; i < ks.size(); i++) written.add(ks.get(i), vs.get(i));
                    try {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        written.write(out);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        BufioReader in = new BufioReader(new java.io.ByteArrayInputStream(out.toByteArray()), bufferSize);
                        return new Reader(in).readMIMEHeader().equals(written);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
