package nethttp.transfer;

import static nethttp.transfer.Streams.bufio;
import static nethttp.transfer.Streams.bytes;
import static nethttp.transfer.Streams.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.UnexpectedEOFException;
import nethttp.textproto.BufioReader;
import org.junit.jupiter.api.Test;

class BodyTest {
    private final List<Header> trailers = new ArrayList<>();

    private Body chunked(BufioReader r) {
        return Body.chunked(r, trailers::add, false);
    }

    @Test
    void reportsTheEndWithTheLastBytesOfAContentLengthBody() throws IOException {
        Body b = Body.ofLength(bufio("abcdef"), 3, false);
        AtomicInteger hits = new AtomicInteger();
        b.registerOnHitEOF(hits::incrementAndGet);
        byte[] buf = new byte[10];
        assertEquals(3, b.read(buf));
        assertFalse(b.bodyRemains());
        assertEquals(1, hits.get(), "the callback ran in the read that took the last byte");
        assertEquals(-1, b.read(buf));
        assertEquals(-1, b.read(buf));
        assertEquals(1, hits.get(), "and only then");
    }

    @Test
    void reportsTheEndWithTheLastChunkAndReadsTheTrailerThen() throws IOException {
        BufioReader r = bufio("0a\r\nBody here\n\r\n09\r\ncontinued\r\n0\r\nX-A: 1\r\n\r\nNEXT");
        Body b = chunked(r);
        AtomicInteger hits = new AtomicInteger();
        b.registerOnHitEOF(hits::incrementAndGet);
        byte[] buf = new byte[19];
        assertEquals(19, b.read(buf, 0, 19));
        assertEquals("Body here\ncontinued", Streams.text(buf));
        assertEquals(1, hits.get());
        assertFalse(b.bodyRemains());
        assertEquals(List.of(Map.of("X-A", List.of("1"))), trailers.stream().map(Header::asMap).toList());
        assertEquals("NEXT", readAll(r), "the message ends after the trailer's blank line");
    }

    @Test
    void noTrailerMeansJustTheFinalCRLF() throws IOException {
        BufioReader r = bufio("3\r\nabc\r\n0\r\n\r\nNEXT");
        assertEquals("abc", readAll(chunked(r)));
        assertTrue(trailers.isEmpty());
        assertEquals("NEXT", readAll(r));
    }

    @Test
    void trailerLinesFollowTextprotoRules() throws IOException {
        Body b = chunked(bufio("3\r\nabc\r\n0\r\nX: a\r\n  b \r\nx-y : 2\r\n: skip\r\nx: c\r\n\r\n"));
        assertEquals("abc", readAll(b));
        assertEquals(Map.of("X", List.of("a b", "c"), "x-y ", List.of("2")), trailers.get(0).asMap());
    }

    @Test
    void aBrokenTrailerFailsTheReadAndClosesTheBody() throws IOException {
        assertTrailerError("malformed MIME header initial line:  X: 1", "0\r\n X: 1\r\n\r\n");
        assertTrailerError("malformed MIME header: missing colon: \"X 1\"", "0\r\nX 1\r\n\r\n");
        assertTrailerError("http: suspiciously long trailer after chunked body", "0\r\nX: 1\n\n");
        assertTrailerError("http: suspiciously long trailer after chunked body",
                "0\r\nX: " + "y".repeat(5000) + "\r\n\r\n");
        assertTrailerError("http: unexpected EOF reading trailer", "0\r\n\r");
        assertTrailerError("http: unexpected EOF reading trailer", "0\r\n");
        assertTrailerError("http: suspiciously long trailer after chunked body", "0\r\nX: 1\r\n\r");
    }

    private void assertTrailerError(String message, String wire) throws IOException {
        Body b = chunked(bufio(wire));
        var e = assertThrows(ProtocolException.class, () -> b.read(new byte[8]));
        assertEquals(message, e.getMessage());
        assertTrue(b.bodyRemains(), "the end was not reached cleanly");
        var after = assertThrows(IOException.class, () -> b.read(new byte[8]));
        assertEquals(Body.READ_AFTER_CLOSE, after.getMessage());
        b.close(); // nothing more to do
    }

    @Test
    void aTrailerErrorAfterDataComesWithTheNextRead() throws IOException {
        // Go returns the data and the error together; here the data comes first.
        Body b = Body.over(new ByteArrayInputStream(bytes("foobar")), bufio(""), trailers::add, false);
        byte[] buf = new byte[7];
        assertEquals(3, b.read(buf, 0, 3));
        assertEquals(3, b.read(buf, 0, 7));
        var e = assertThrows(ProtocolException.class, () -> b.read(buf, 0, 7));
        assertEquals("http: unexpected EOF reading trailer", e.getMessage());
    }

    @Test
    void chunkedDataAndBrokenTrailerInOneReadGivesDataThenError() throws IOException {
        Body b = chunked(bufio("3\r\nabc\r\n0\r\nbroken\r\n\r\n"));
        byte[] buf = new byte[10];
        assertEquals(3, b.read(buf));
        var e = assertThrows(ProtocolException.class, () -> b.read(buf));
        assertEquals("malformed MIME header: missing colon: \"broken\"", e.getMessage());
        assertEquals(Body.READ_AFTER_CLOSE, assertThrows(IOException.class, () -> b.read(buf)).getMessage());
    }

    @Test
    void readAfterCloseFails() throws IOException {
        Body b = Body.ofLength(bufio("abc"), 3, false);
        b.close();
        var e = assertThrows(IOException.class, () -> b.read());
        assertEquals("http: invalid Read on closed Body", e.getMessage());
        b.close(); // a second close is harmless
    }

    @Test
    void closeReadsTheRestSoTheNextMessageCanBeRead() throws IOException {
        BufioReader r = bufio("abcdefNEXT");
        Body b = Body.ofLength(r, 6, false);
        assertEquals('a', b.read());
        b.close();
        assertFalse(b.didEarlyClose());
        assertFalse(b.bodyRemains());
        assertEquals("NEXT", readAll(r));
    }

    @Test
    void closeReadsTheTrailerOfAChunkedBody() throws IOException {
        BufioReader r = bufio("3\r\nabc\r\n0\r\nX: 1\r\n\r\nNEXT");
        Body b = chunked(r);
        b.close();
        assertEquals(1, trailers.size());
        assertEquals("NEXT", readAll(r));
    }

    @Test
    void closeOnAClosingConnectionDoesNotRead() throws IOException {
        BufioReader r = bufio("abcdef");
        Body b = Body.ofLength(r, 6, true);
        b.close();
        assertEquals("abcdef", readAll(r));
        assertFalse(b.didEarlyClose());
    }

    @Test
    void closeReportsAShortBody() {
        Body b = Body.ofLength(bufio("ab"), 6, false);
        assertThrows(UnexpectedEOFException.class, b::close);
        assertThrows(IOException.class, b::read, "closed even so");
    }

    @Test
    void earlyCloseGivesUpAtOnceOnAnAnnouncedLongBody() throws IOException {
        long tooLong = Body.MAX_POST_HANDLER_READ_BYTES + 1;
        CountingInput wire = new CountingInput(tooLong);
        Body b = Body.ofLength(new BufioReader(wire), tooLong, false);
        b.setDoEarlyClose(true);
        b.close();
        assertTrue(b.didEarlyClose());
        assertEquals(0, wire.served.get(), "nothing was read");
    }

    @Test
    void earlyCloseReadsABodyAtTheLimitButStillGivesUp() throws IOException {
        // Go counts reading exactly the limit as giving up, even when that was the whole body.
        long limit = Body.MAX_POST_HANDLER_READ_BYTES;
        Body b = Body.ofLength(new BufioReader(new CountingInput(limit + 10)), limit, false);
        b.setDoEarlyClose(true);
        b.close();
        assertTrue(b.didEarlyClose());
        assertFalse(b.bodyRemains());
    }

    @Test
    void earlyCloseFinishesAShorterBody() throws IOException {
        BufioReader r = bufio("5\r\nhello\r\n0\r\n\r\nNEXT");
        Body b = chunked(r);
        b.setDoEarlyClose(true);
        b.close();
        assertFalse(b.didEarlyClose());
        assertEquals("NEXT", readAll(r));
    }

    @Test
    void concurrentReadersShareTheBodyWithoutLosingBytes() throws Exception {
        int size = 200_000;
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) data[i] = (byte) i;
        var wire = new java.io.ByteArrayOutputStream();
        try (var w = new ChunkedWriter(wire)) {
            for (int off = 0; off < size; off += 1000) w.write(data, off, 1000);
        }
        wire.write(bytes("\r\n"));
        Body b = chunked(new BufioReader(new ByteArrayInputStream(wire.toByteArray())));
        AtomicLong total = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            readers.add(Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[777];
                try {
                    for (int n; (n = b.read(buf)) != -1; ) {
                        total.addAndGet(n);
                        for (int i = 0; i < n; i++) sum.addAndGet(buf[i] & 0xff);
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        for (Thread t : readers) t.join(10_000);
        long expected = 0;
        for (byte x : data) expected += x & 0xff;
        assertEquals(size, total.get());
        assertEquals(expected, sum.get());
        assertFalse(b.bodyRemains());
    }

    /** An endless source of zeros up to a length, counting what it served. */
    static final class CountingInput extends java.io.InputStream {
        private final long length;
        final AtomicLong served = new AtomicLong();

        CountingInput(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return served.get() < length && served.incrementAndGet() > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = length - served.get();
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            served.addAndGet(n);
            return n;
        }
    }
}
