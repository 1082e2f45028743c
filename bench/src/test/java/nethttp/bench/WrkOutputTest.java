package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The load driver reads wrk's summary right: rates, percentiles in any unit, errors. */
class WrkOutputTest {
    @Test
    void readsRatePercentilesAndErrors() throws IOException {
        String out = """
                Running 3s test @ http://127.0.0.1:40000/
                  1 threads and 400 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency    20.02ms   30.00ms   1.46s    90.00%
                    Req/Sec    11.00k     1.00k   12.00k    70.00%
                  Latency Distribution
                     50%  812.00us
                     75%   25.00ms
                     90%   40.00ms
                     99%    1.46s
                  32925 requests in 3.00s, 3.20MB read
                  Socket errors: connect 1, read 9089, write 2, timeout 3
                  Non-2xx or 3xx responses: 7
                Requests/sec:  10975.50
                Transfer/sec:      1.07MB
                """;
        LoadDriver.WrkResult r = LoadDriver.parseWrk(out);
        assertEquals(10975.50, r.rps(), 1e-9);
        assertEquals(0.812, r.p50ms(), 1e-9);
        assertEquals(1460.0, r.p99ms(), 1e-9);
        assertEquals(9095, r.socketErrors());
        assertEquals(7, r.non2xx());
        assertEquals(1.07 * 1024 * 1024, r.bytesPerSec(), 1e-6);
    }

    @Test
    void readsTheTransferRateInPowersOf1024() throws IOException {
        String out = """
                  1 threads and 8 connections
                  Latency Distribution
                     50%   30.10ms
                     99%   80.00ms
                  670 requests in 3.00s, 671.99MB read
                Requests/sec:    223.00
                Transfer/sec:    223.99MB
                """;
        assertEquals(223.99 * 1024 * 1024, LoadDriver.parseWrk(out).bytesPerSec(), 1e-3);
        assertEquals(512.5 * 1024, LoadDriver.parseWrk(out.replace("223.99MB", "512.50KB")).bytesPerSec(), 1e-6);
        assertEquals(1.5 * 1024 * 1024 * 1024, LoadDriver.parseWrk(out.replace("223.99MB", "1.50GB")).bytesPerSec(), 1e-3);
    }

    @Test
    void aCleanRunHasNoErrors() throws IOException {
        String out = """
                  Latency Distribution
                     50%    1.48ms
                     99%   95.52ms
                  73935 requests in 3.00s, 9.02MB read
                Requests/sec:  24645.00
                """;
        LoadDriver.WrkResult r = LoadDriver.parseWrk(out);
        assertEquals(0, r.socketErrors());
        assertEquals(0, r.non2xx());
        assertEquals(95.52, r.p99ms(), 1e-9);
    }

    @Test
    void outputWithoutASummaryIsAnError() {
        assertThrows(IOException.class, () -> LoadDriver.parseWrk("unable to connect to 127.0.0.1:1 Connection refused"));
    }
}
