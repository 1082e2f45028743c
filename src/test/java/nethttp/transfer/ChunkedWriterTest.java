package nethttp.transfer;

import static nethttp.transfer.Streams.bytes;
import static nethttp.transfer.Streams.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChunkedWriterTest {

    @Test
    void eachWriteIsOneChunkWithLowerCaseHexSize() throws IOException {
        var out = new ByteArrayOutputStream();
        var w = new ChunkedWriter(out);
        w.write(bytes("x".repeat(255)));
        w.write('!');
        w.write(bytes("..abc.."), 2, 3);
        assertEquals("ff\r\n" + "x".repeat(255) + "\r\n1\r\n!\r\n3\r\nabc\r\n", text(out.toByteArray()));
    }

    @Test
    void emptyWritesSendNothingSinceAnEmptyChunkEndsTheBody() throws IOException {
        var out = new ByteArrayOutputStream();
        var w = new ChunkedWriter(out);
        w.write(new byte[0]);
        w.write(bytes("abc"), 1, 0);
        assertEquals(0, out.size());
    }

    @Test
    void closeWritesOnlyTheLastChunkAndKeepsTheStreamOpen() throws IOException {
        var closed = new boolean[1];
        var out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        var w = new ChunkedWriter(out);
        w.write(bytes("hi"));
        w.close();
        assertEquals("2\r\nhi\r\n0\r\n", text(out.toByteArray()));
        assertEquals(false, closed[0]);
    }

    @Test
    void flushReachesTheUnderlyingStream() throws IOException {
        int[] flushes = new int[1];
        var out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        var w = new ChunkedWriter(out);
        w.write(bytes("a"));
        assertEquals(0, flushes[0], "writes do not flush");
        w.flush();
        assertEquals(1, flushes[0]);
    }
}
