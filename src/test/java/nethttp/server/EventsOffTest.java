package nethttp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nethttp.core.ConnState;
import nethttp.event.ThreadRole;
import nethttp.event.TracedThread;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dnethttp.events=off} takes the event calls out of the server: a subscriber hears
 * nothing, and the calls allocate nothing. The switch is read once per JVM, so each case runs in
 * a JVM of its own, with and without it.
 */
class EventsOffTest {
    private static final Pattern RESULT = Pattern.compile("events=(\\d+) allocated=(-?\\d+) responses=(\\d+)");

    record Outcome(long events, long allocated, int responses) {}

    static Outcome run(boolean off) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m"));
        if (off) cmd.add("-Dnethttp.events=off");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not end");
        assertEquals(0, p.exitValue(), out);
        Matcher m = RESULT.matcher(out);
        assertTrue(m.find(), out);
        return new Outcome(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Test
    void withReportingOnASubscriberHearsTheServerAndEventsCostAllocations() throws Exception {
        Outcome on = run(false);
        assertEquals(Child.REQUESTS, on.responses());
        assertTrue(on.events() > Child.REQUESTS, "events: " + on.events());
        assertTrue(on.allocated() > Child.CALLS * 16L, "allocated: " + on.allocated());
    }

    @Test
    void withReportingOffNoListenerIsCalledAndNothingIsAllocated() throws Exception {
        Outcome off = run(true);
        assertEquals(Child.REQUESTS, off.responses()); // the server works as ever
        assertEquals(0, off.events());
        assertTrue(off.allocated() < 1024, "allocated " + off.allocated() + " bytes in " + Child.CALLS + " calls");
    }

    /** Runs in the child JVM: a subscribed server answers requests, then the report calls are timed for allocation. */
    static final class Child {
        static final int REQUESTS = 50;
        static final int CALLS = 40_000;

        public static void main(String[] args) throws Exception {
            LongAdder events = new LongAdder();
            int responses = 0;
            try (var ts = new TestServer((w, r) -> w.writeString("hi"), s -> s.events.subscribe(e -> events.increment()));
                    Socket s = ts.connect()) {
                for (int i = 0; i < REQUESTS; i++) {
                    TestServer.send(s, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
                    if (TestServer.readResponse(s.getInputStream(), false).contains("\r\n\r\nhi")) responses++;
                }
            }
            // The report calls of a connection and its thread, on this thread, with the subscriber still there.
            Server srv = new Server();
            srv.events.subscribe(e -> events.increment());
            Conn c = new Conn(srv, 1, new Socket());
            TracedThread t = TracedThread.adopt(srv.events, ThreadRole.CONN_SERVE, 1);
            long allocated = allocatedBy(() -> calls(c, t, 1000)); // the first calls load classes
            allocated = allocatedBy(() -> calls(c, t, CALLS / 4));
            System.out.println("events=" + events.sum() + " allocated=" + allocated + " responses=" + responses
                   );
        }

        static void calls(Conn c, TracedThread t, int n) {
            for (int i = 0; i < n; i++) {
                t.parked("read request");
                t.running();
                ConnEvents.stateChanged(c, ConnState.ACTIVE);
                ConnEvents.responseDone(c, 200);
            }
        }

        static long allocatedBy(Runnable r) {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            r.run();
            return threads.getCurrentThreadAllocatedBytes() - before;
        }
    }
}
