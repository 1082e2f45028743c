package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufioReaderTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A stream that hands out at most {@code step} bytes per read, like a slow network. */
    private static InputStream dribble(String s, int step) {
        ByteArrayInputStream all = new ByteArrayInputStream(bytes(s));
        return new InputStream() {
            @Override
            public int read() {
                return all.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return all.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void linesLoseCrlfOrBareLf() throws IOException {
        BufioReader r = new BufioReader(dribble("one\r\ntwo\nthree\r", 2), 16);
        assertEquals("one", text(r.readLinePiece()));
        assertEquals("two", text(r.readLinePiece()));
        assertEquals("three\r", text(r.readLinePiece())); // no line ending at all: kept as is
        assertThrows(EOFException.class, r::readLinePiece);
    }

    @Test
    void longLinesComeInPiecesAndACrlfAcrossTheCutIsRecognised() throws IOException {
        BufioReader r = new BufioReader(new ByteArrayInputStream(bytes("x".repeat(15) + "\r\ny")), 16);
        assertEquals("x".repeat(15), text(r.readLinePiece()));
        assertTrue(r.lastPieceIncomplete());
        assertEquals("", text(r.readLinePiece()));
        assertFalse(r.lastPieceIncomplete());
        assertEquals("y", text(r.readLinePiece()));
    }

    @Test
    void peekDoesNotConsumeAndDiscardDoes() throws IOException {
        BufioReader r = new BufioReader(dribble("abcdef", 1), 16);
        assertArrayEquals(bytes("abc"), r.peek(3));
        assertEquals(3, r.buffered());
        assertEquals(2, r.discard(2));
        assertEquals('c', r.read());
        assertArrayEquals(bytes("def"), r.peek(10)); // the stream ends first
        assertEquals(3, r.discard(10));
        assertEquals(-1, r.read());
        assertThrows(IllegalArgumentException.class, () -> r.peek(17));
    }

    @Test
    void largeReadsGoStraightToTheStreamOnceTheBufferIsEmpty() throws IOException {
        String data = "0123456789".repeat(5);
        BufioReader r = new BufioReader(new ByteArrayInputStream(bytes(data)), 16);
        assertEquals('0', r.read());
        byte[] big = new byte[32];
        assertEquals(15, r.read(big, 0, 32)); // first what is buffered
        assertEquals(32, r.read(big, 0, 32)); // then directly
        assertEquals(data.substring(16, 48), text(big));
        assertEquals(2, r.read(big, 0, 32));
        assertEquals(-1, r.read(big, 0, 32));
    }

    @Test
    void readSliceKeepsTheDelimiterAndWaitsForIt() throws IOException {
        BufioReader r = new BufioReader(dribble("ab;cdefgh;ij", 1), 16);
        assertEquals("ab;", text(r.readSlice((byte) ';')));
        assertEquals("cdefgh;", text(r.readSlice((byte) ';')));
        assertEquals("ij", text(r.peek(2)), "nothing past the delimiter is consumed");
    }

    @Test
    void readSliceFailsOnAFullBufferAndConsumesIt() throws IOException {
        BufioReader r = new BufioReader(dribble("x".repeat(16) + "\nrest", 3), 16);
        assertThrows(BufioReader.BufferFullException.class, () -> r.readSlice((byte) '\n'));
        assertEquals("\n", text(r.readSlice((byte) '\n')), "the full buffer was handed over");
        // a line of exactly the buffer's size, delimiter included, still fits
        BufioReader fits = new BufioReader(dribble("y".repeat(15) + "\n", 4), 16);
        assertEquals("y".repeat(15) + "\n", text(fits.readSlice((byte) '\n')));
    }

    @Test
    void readSliceReportsTheEndOfTheStreamBeforeTheDelimiter() throws IOException {
        BufioReader r = new BufioReader(dribble("abc", 2), 16);
        assertThrows(EOFException.class, () -> r.readSlice((byte) '\n'));
        assertEquals(0, r.buffered());
        assertThrows(EOFException.class, () -> r.readSlice((byte) '\n'));
    }

    @Test
    void linesReassembledFromPiecesEqualTheOriginalLines() {
        qt().forAll(lists().of(strings().betweenCodePoints(0x20, 0xff).ofLengthBetween(0, 50)).ofSizeBetween(1, 6),
                        integers().between(16, 40), integers().between(1, 7))
                .check((lines, size, step) -> {
                    try {
                        BufioReader r = new BufioReader(dribble(String.join("\r\n", lines) + "\r\n", step), size);
                        List<String> read = new ArrayList<>();
                        StringBuilder current = new StringBuilder();
                        while (true) {
                            byte[] piece;
                            try {
                                piece = r.readLinePiece();
                            } catch (EOFException end) {
                                break;
                            }
                            current.append(text(piece));
                            if (!r.lastPieceIncomplete()) {
                                read.add(current.toString());
                                current.setLength(0);
                            }
                        }
                        return read.equals(lines);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
