package nethttp.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Reading and dropping a bounded part of a stream, as {@code io.CopyN(io.Discard, r, n)} does. */
class DiscardTest {

    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void stopsAtTheLimitAndLeavesTheRest() throws IOException {
        InputStream in = bytes(20_000);
        assertEquals(10_000, Discard.upTo(in, 10_000));
        assertEquals(10_000, in.readAllBytes().length);
    }

    @Test
    void stopsAtTheEndBeforeTheLimit() throws IOException {
        assertEquals(7, Discard.upTo(bytes(7), 2 << 10));
        assertEquals(0, Discard.upTo(bytes(0), 10));
    }

    @Test
    void aZeroLimitReadsNothing() throws IOException {
        InputStream in = bytes(3);
        assertEquals(0, Discard.upTo(in, 0));
        assertEquals(3, in.available());
    }

    @Test
    void shortReadsAddUp() throws IOException {
        InputStream trickle = new InputStream() {
            int left = 1000;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                b[off] = 'x';
                left--;
                return 1;
            }
        };
        assertEquals(600, Discard.upTo(trickle, 600));
        assertEquals(400, Discard.upTo(trickle, 600));
    }
}
