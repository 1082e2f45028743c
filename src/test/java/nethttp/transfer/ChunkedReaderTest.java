package nethttp.transfer;

import static nethttp.transfer.Streams.bufio;
import static nethttp.transfer.Streams.bytes;
import static nethttp.transfer.Streams.readAll;
import static nethttp.transfer.Streams.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import nethttp.core.ProtocolException;
import nethttp.core.UnexpectedEOFException;
import nethttp.textproto.BufioReader;
import org.junit.jupiter.api.Test;

class ChunkedReaderTest {

    @Test
    void decodesChunksWrittenByTheWriter() throws IOException {
        var wire = new java.io.ByteArrayOutputStream();
        var w = new ChunkedWriter(wire);
        w.write(bytes("hello, "));
        w.write(bytes("world! 0123456789abcdef"));
        w.close();
        assertEquals("7\r\nhello, \r\n17\r\nworld! 0123456789abcdef\r\n0\r\n", text(wire.toByteArray()));

        var r = new ChunkedReader(new BufioReader(new ByteArrayInputStream(wire.toByteArray())));
        assertEquals("hello, world! 0123456789abcdef", readAll(r));
    }

    @Test
    void oneReadGathersSmallChunksAndSeesTheEnd() throws IOException {
        var r = new ChunkedReader(bufio("3\r\nfoo\r\n3\r\nbar\r\n0\r\n"));
        byte[] buf = new byte[10];
        assertEquals(6, r.read(buf, 0, 10));
        assertEquals("foobar", text(java.util.Arrays.copyOf(buf, 6)));
        assertTrue(r.reachedEnd(), "the last chunk is read in the same call");
        assertEquals(-1, r.read(buf, 0, 10));
    }

    @Test
    void doesNotReadAChunkHeaderThatIsNotBufferedYet() throws IOException {
        // 16 bytes fill the smallest buffer: "b\r\n" + 11 data bytes + "\r\n".
        var r = new ChunkedReader(new BufioReader(new ByteArrayInputStream(
                bytes("b\r\n0123456789a\r\n3\r\nfoo\r\n0\r\n")), 16));
        byte[] buf = new byte[14];
        assertEquals(11, r.read(buf, 0, 14));
        assertEquals("0123456789a", text(java.util.Arrays.copyOf(buf, 11)));
        assertEquals(3, r.read(buf, 0, 14));
        assertEquals("foo", text(java.util.Arrays.copyOf(buf, 3)));
        assertTrue(r.reachedEnd());
    }

    @Test
    void seesTheLastChunkEvenWhenTheCallersBufferIsFull() throws IOException {
        var r = new ChunkedReader(bufio("3\r\nfoo\r\n0\r\n"));
        byte[] buf = new byte[3];
        assertEquals(3, r.read(buf, 0, 3));
        assertTrue(r.reachedEnd());
    }

    @Test
    void ignoresChunkExtensions() throws IOException {
        String in = "7;ext=\"some quoted string\"\r\nhello, \r\n"
                + "17;someext\r\nworld! 0123456789abcdef\r\n"
                + "0;someextension=sometoken\r\n";
        assertEquals("hello, world! 0123456789abcdef", readAll(new ChunkedReader(bufio(in))));
    }

    @Test
    void acceptsUpperCaseHexTrailingBlanksAndBareLF() throws IOException {
        assertEquals("0123456789", readAll(new ChunkedReader(bufio("A \t\r\n0123456789\r\n0\n"))));
    }

    @Test
    void returnsDataInHandWithoutWaitingForTheNextChunk() throws IOException {
        var r = new ChunkedReader(new BufioReader(new Streams.ThenBlocks("7\r\n1234567")));
        byte[] buf = new byte[7];
        assertEquals(7, r.read(buf, 0, 7));
        assertEquals("1234567", text(buf));
    }

    @Test
    void rejectsDataNotFollowedByCRLF() throws IOException {
        var r = new ChunkedReader(bufio("7\r\n1234567xx"));
        byte[] buf = new byte[7];
        assertEquals(7, r.read(buf, 0, 7));
        var e = assertThrows(ProtocolException.class, () -> r.read(buf, 0, 7));
        assertEquals("malformed chunked encoding", e.getMessage());
        // The error stays.
        var again = assertThrows(ProtocolException.class, () -> r.read(buf, 0, 7));
        assertSame(e, again);
    }

    @Test
    void everyProperPrefixOfAValidEncodingIsCutShort() throws IOException {
        String valid = "4\r\nabcd\r\n" + "5\r\nabc\r\n\r\n" + "0\r\n";
        for (int i = 0; i < valid.length(); i++) {
            String prefix = valid.substring(0, i);
            var r = new ChunkedReader(bufio(prefix));
            assertThrows(UnexpectedEOFException.class, r::readAllBytes, () -> "prefix " + prefix);
        }
        assertEquals("abcdabc\r\n", readAll(new ChunkedReader(bufio(valid))));
    }

    @Test
    void passesOnTheUnderlyingReadError() throws IOException {
        IOException boom = new IOException("chunk end read error");
        var r = new ChunkedReader(new BufioReader(new Streams.ThenFails("4\r\nabcd", boom)));
        byte[] buf = new byte[16];
        assertEquals(4, r.read(buf, 0, 16));
        assertSame(boom, assertThrows(IOException.class, () -> r.read(buf, 0, 16)));
    }

    @Test
    void rejectsBadChunkSizes() {
        assertMessage("invalid byte in chunk length", "x\r\n");
        assertMessage("invalid byte in chunk length", " 3\r\nabc\r\n0\r\n");
        assertMessage("invalid byte in chunk length", "3 ;ext\r\nabc\r\n0\r\n");
        assertMessage("invalid byte in chunk length", "+3\r\nabc\r\n0\r\n");
        assertMessage("http chunk length too large", "10000000000000000\r\n");
    }

    @Test
    void limitsTheChunkSizeLine() throws IOException {
        String longest = "1;" + "x".repeat(4091) + "\r\n"; // 4095 bytes with its line ending
        assertEquals("a", readAll(new ChunkedReader(bufio(longest + "a\r\n0\r\n"))));
        String tooLong = "1;" + "x".repeat(4092) + "\r\n";
        assertMessage("header line too long", tooLong + "a\r\n0\r\n");
        assertMessage("header line too long", "1;" + "x".repeat(5000));
    }

    @Test
    void anEmptySizeLineIsTheLastChunk() throws IOException {
        // Go parses an empty size as zero; kept for compatibility.
        var r = new ChunkedReader(bufio("3\r\nabc\r\n\r\nleft over"));
        assertEquals("abc", readAll(r));
        assertTrue(r.reachedEnd());
    }

    @Test
    void leavesTheTrailerForTheCaller() throws IOException {
        BufioReader br = bufio("3\r\nfoo\r\n0\r\nX-Sum: 1\r\n\r\nNEXT");
        assertEquals("foo", readAll(new ChunkedReader(br)));
        assertEquals("X-Sum: 1\r\n\r\nNEXT", readAll(br));
    }

    @Test
    void parsesHexLikeGo() throws ProtocolException {
        assertEquals(0, ChunkedReader.parseHexUint(bytes("0000000000000000")));
        assertEquals(1, ChunkedReader.parseHexUint(bytes("0000000000000001")));
        assertEquals(-1L, ChunkedReader.parseHexUint(bytes("ffffffffffffffff")), "2^64-1, unsigned");
        assertEquals(0xABCDEFL, ChunkedReader.parseHexUint(bytes("aBcDeF")));
        for (int i = 0; i <= 1234; i++) {
            assertEquals(i, ChunkedReader.parseHexUint(bytes(Integer.toHexString(i))));
        }
        assertHexError("invalid byte in chunk length", "x");
        assertHexError("invalid byte in chunk length", "000000000000bogus");
        assertHexError("http chunk length too large", "00000000000000000");
        assertHexError("http chunk length too large", "10000000000000000");
        assertHexError("http chunk length too large", "00000000000000001");
        assertHexError("invalid byte in chunk length", "0000000000000000\u00e9");
    }

    @Test
    void aHugeChunkIsReadUntilTheStreamEnds() {
        var r = new ChunkedReader(bufio("ffffffffffffffff\r\nabc"));
        byte[] buf = new byte[10];
        assertThrows(UnexpectedEOFException.class, () -> {
            while (r.read(buf, 0, 10) >= 0) {
                // keep reading
            }
        });
    }

    @Test
    void emptyReadsReadNothing() throws IOException {
        BufioReader br = bufio("3\r\nabc\r\n0\r\n");
        var r = new ChunkedReader(br);
        assertEquals(0, r.read(new byte[0], 0, 0));
        assertEquals('a', r.read());
        assertArrayEquals(bytes("bc"), r.readAllBytes());
    }

    private static void assertMessage(String message, String wire) {
        var e = assertThrows(ProtocolException.class, () -> new ChunkedReader(bufio(wire)).readAllBytes());
        assertEquals(message, e.getMessage());
    }

    private static void assertHexError(String message, String in) {
        var e = assertThrows(ProtocolException.class, () -> ChunkedReader.parseHexUint(Streams.bytes(in)));
        assertEquals(message, e.getMessage());
    }
}
