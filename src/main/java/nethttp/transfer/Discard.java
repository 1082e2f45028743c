package nethttp.transfer;

import java.io.IOException;
import java.io.InputStream;
import nethttp.annotations.Mirrors;

/**
 * Reading a body only to throw it away, which server and client do whenever a connection is to
 * carry the next message after one whose body nobody wanted: Go's
 * {@code io.CopyN(io.Discard, r, n)}.
 */
public final class Discard {
    private Discard() {}

    /**
     * Reads and drops up to {@code limit} bytes of {@code in}, stopping early at its end.
     *
     * @return how many bytes were dropped: {@code limit} when there were at least that many
     */
    @Mirrors(file = "io/io.go", func = "CopyN")
    public static long upTo(InputStream in, long limit) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(limit, 1))];
        long n = 0;
        while (n < limit) {
            int k = in.read(sink, 0, (int) Math.min(sink.length, limit - n));
            if (k < 0) break;
            n += k;
        }
        return n;
    }
}
