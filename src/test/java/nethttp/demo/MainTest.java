package nethttp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import nethttp.transport.GetConnStrategy;
import nethttp.transport.Transport;
import org.junit.jupiter.api.Test;

/** The command line's argument handling (serving itself is covered by the server's tests). */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void helpPrintsUsageAndSucceeds() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("serve   run the demo server"));
    }

    @Test
    void getAndPostFetchThroughGoDefaultTransport() {
        Transport cli = Main.transport(GetConnStrategy.GO_1_12);
        Transport go = Transport.defaultTransport();
        assertEquals(GetConnStrategy.GO_1_12, cli.getConnStrategy);
        assertEquals(go.maxIdleConns, cli.maxIdleConns);
        assertEquals(go.idleConnTimeout, cli.idleConnTimeout);
        assertEquals(go.expectContinueTimeout, cli.expectContinueTimeout);
        assertEquals(go.dialer, cli.dialer);
    }

    @Test
    void noCommandIsAUsageError() throws Exception {
        assertEquals(2, run());
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() throws Exception {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().contains("unknown command: frobnicate"));
        assertEquals(2, run("serve", "--bogus"));
        assertTrue(err.toString().contains("unknown option: --bogus"));
        assertEquals(2, run("serve", "--addr"));
        assertTrue(err.toString().contains("--addr needs a value"));
    }

    @Test
    void durationsAreWrittenAsGoWritesThem() {
        assertEquals(Duration.ofMillis(500), Main.duration("500ms"));
        assertEquals(Duration.ofSeconds(5), Main.duration("5s"));
        assertEquals(Duration.ofMinutes(2), Main.duration("2m"));
        assertEquals(Duration.ofHours(1), Main.duration("1h"));
        assertThrows(IllegalArgumentException.class, () -> Main.duration("5"));
        assertThrows(IllegalArgumentException.class, () -> Main.duration("xs"));
        assertThrows(IllegalArgumentException.class, () -> Main.duration(""));
    }

    @Test
    void queryValuesAreReadAsGoReadsThem() {
        assertEquals("3", DemoRoutes.queryValue("n=3&delay=0", "n"));
        assertEquals("a b", DemoRoutes.queryValue("x=a+b", "x"));
        assertEquals("", DemoRoutes.queryValue("n=3;x=1", "n"));
        assertEquals("2", DemoRoutes.queryValue("n=%zz&n=2", "n"));
        assertEquals("", DemoRoutes.queryValue("", "n"));
    }
}
