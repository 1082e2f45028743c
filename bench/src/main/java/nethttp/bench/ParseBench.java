package nethttp.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import nethttp.core.Request;
import nethttp.textproto.BufioReader;
import nethttp.wire.ReadRequest;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Request parsing on one core: {@link ReadRequest#readRequest} over a {@link BufioReader}, as a
 * keep-alive connection does it, {@value #PIPELINED} requests read back to back from one reader.
 * The score is requests per second; the {@code bytes} counter is bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ParseBench {
    static final int PIPELINED = 64;

    /** What wrk sends: the smallest realistic request. */
    static final String SMALL = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

    /** What a browser sends: a longer line and a dozen header fields. */
    static final String BROWSER = """
            GET /search/results?q=net%2Fhttp&page=2&sort=relevance HTTP/1.1\r
            Host: www.example.com\r
            User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\r
            Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8\r
            Accept-Language: en-GB,en;q=0.5\r
            Accept-Encoding: gzip, deflate, br\r
            Referer: https://www.example.com/search\r
            Connection: keep-alive\r
            Cookie: session=4f2a9c1e7b3d8a6f; theme=dark; consent=yes\r
            Upgrade-Insecure-Requests: 1\r
            Sec-Fetch-Dest: document\r
            Sec-Fetch-Mode: navigate\r
            Sec-Fetch-Site: same-origin\r
            Cache-Control: max-age=0\r
            \r
            """;

    @Param({"small", "browser"})
    public String request;

    private byte[] input;

    /** Bytes parsed, reported by JMH as bytes per second. */
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
        String one = request.equals("small") ? SMALL : BROWSER;
        input = one.repeat(PIPELINED).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Benchmark
    @OperationsPerInvocation(PIPELINED)
    public Object readRequests(Bytes counter) throws IOException {
        BufioReader r = new BufioReader(new ByteArrayInputStream(input));
        Request last = null;
        for (int i = 0; i < PIPELINED; i++) last = ReadRequest.readRequest(r);
        counter.bytes += input.length;
        return last;
    }
}
