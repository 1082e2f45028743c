package nethttp.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import nethttp.textproto.BufioReader;
import nethttp.transfer.ChunkedReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chunked decoding on one core: a 64 KiB body in chunks of {@code chunkSize} bytes, read through
 * {@link ChunkedReader} into an 8 KiB buffer. The score is bodies per second; the {@code bytes}
 * counter is decoded body bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ChunkedBench {
    static final int BODY = 64 * 1024;

    @Param({"16", "1024", "16384"})
    public int chunkSize;

    private byte[] encoded;
    private final byte[] sink = new byte[8192];

    /** Body bytes decoded, reported by JMH as bytes per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setup() {
        encoded = encode(BODY, chunkSize);
    }

    /** A body of {@code size} bytes as chunks of {@code chunk} bytes, the last chunk and no trailer. */
    static byte[] encode(int size, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] data = new byte[chunk];
        for (int i = 0; i < data.length; i++) data[i] = (byte) ('a' + i % 26);
        for (int left = size; left > 0; left -= chunk) {
            int n = Math.min(chunk, left);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(data, 0, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    @Benchmark
    public long decode(Bytes counter) throws IOException {
        ChunkedReader r = new ChunkedReader(new BufioReader(new ByteArrayInputStream(encoded)));
        long total = 0;
        for (int n; (n = r.read(sink, 0, sink.length)) >= 0; ) total += n;
        if (total != BODY) throw new IllegalStateException("decoded " + total + " bytes");
        counter.bytes += total;
        return total;
    }
}
