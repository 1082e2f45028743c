package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nethttp.bench.LoadDriver.Comparison;
import nethttp.bench.LoadDriver.HeldSide;
import nethttp.bench.LoadDriver.Outcome;
import nethttp.bench.LoadDriver.Round;
import nethttp.bench.LoadDriver.Sample;
import nethttp.bench.LoadDriver.Side;
import nethttp.bench.LoadDriver.WarmUp;
import nethttp.bench.Stats.Conditions;
import nethttp.bench.Stats.Limits;
import org.junit.jupiter.api.Test;

/** The 10,000-connection comparison: counting the connections the load generator held open. */
class ManyConnectionsTest {
    static final Limits LIMITS = new Limits(9, 0.95, 0.02, 5.0, 8.0);

    static final List<String> TABLE = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:49F3 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0 100 0 0 10 0",
            "   1: 0100007F:49F3 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 2 1 0 20 4 30 10 -1",
            "   2: 0100007F:D431 0100007F:49F3 01 00000000:00000000 00:00000000 00000000  1000        0 3 1 0 20 4 30 10 -1",
            "   3: 0100007F:49F3 0100007F:D432 01 00000000:00000000 00:00000000 00000000  1000        0 4 1 0 20 4 30 10 -1",
            "   4: 0100007F:49F3 0100007F:D433 06 00000000:00000000 03:00000000 00000000     0        0 0 3 0",
            "   5: 0100007F:1F90 0100007F:D434 01 00000000:00000000 00:00000000 00000000  1000        0 5 1 0 20 4 30 10 -1");

    @Test
    void countsTheServersEstablishedEndsOnItsPortOnly() {
        // 0x49F3 = 18931: the listener (0A) and the TIME_WAIT row (06) are not established, the
        // client's end (local port 0xD431) is not the server's, and 0x1F90 is another server.
        assertEquals(2, LoadDriver.established(TABLE, 18931));
        assertEquals(1, LoadDriver.established(TABLE, 8080));
        assertEquals(0, LoadDriver.established(TABLE, 1));
    }

    @Test
    void countsRealConnectionsOnThisMachine() throws IOException {
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> clients = new ArrayList<>();
            List<Socket> accepted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort()));
                    accepted.add(ss.accept());
                }
                assertEquals(3, LoadDriver.established(ss.getLocalPort()));
            } finally {
                for (Socket s : clients) s.close();
                for (Socket s : accepted) s.close();
            }
        }
    }

    @Test
    void everyRunLastsLongEnoughToConnectThemAllAndCountsTheConnectionsHeldDuringIt() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Integer> asked = new ArrayList<>();
            List<Socket> sockets = new ArrayList<>();
            try {
                // The "load generator" holds two connections for the length of its run.
                HeldSide h = new HeldSide(new Side() {
                    public String label() {
                        return "two";
                    }

                    public Sample measure(int seconds) throws IOException {
                        asked.add(seconds);
                        for (int i = 0; i < 2; i++) {
                            sockets.add(new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort()));
                            sockets.add(ss.accept());
                        }
                        return new Sample(1, 1, 0);
                    }
                }, ss.getLocalPort());
                h.measure(1);
                assertEquals(List.of(LoadDriver.MANY_SECONDS), asked, "a 1-second warm-up run measures nothing at 10,000");
                assertEquals(2, h.fewestOpen(1));
            } finally {
                for (Socket s : sockets) s.close();
            }
        }
    }

    static Outcome outcome(HeldSide a, HeldSide b, double steal) {
        Comparison c = new Comparison("hello-10k", "hello-10k", "requests/s", a, b, 1.0);
        List<Round> rounds = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            rounds.add(new Round(i, i % 2 == 1, new Sample(30_000, 500, 0), new Sample(40_000, 300, 0), steal, steal, 1.0, 1.0));
        }
        WarmUp w = new WarmUp(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0), true);
        return LoadDriver.outcome(c, w, w, rounds, LIMITS);
    }

    /** A side whose runs held the given counts open: warm-up runs first, then the rounds. */
    static HeldSide held(int... counts) {
        HeldSide h = new HeldSide(new Side() {
            public String label() {
                return "x";
            }

            public Sample measure(int seconds) {
                throw new AssertionError("not measured here");
            }
        }, 1);
        for (int c : counts) h.record(c);
        return h;
    }

    static String line(Outcome o) {
        Map<String, String> m = Targets.lines(List.of(o), List.of()).stream()
                .collect(Collectors.toMap(Targets.Line::target, Targets.Line::verdict));
        return m.get("10,000 keep-alive connections each making requests, ≥ 1.0× Go's");
    }

    @Test
    void theLineReadsFromTheComparisonWhenEveryRoundHeldThemAll() {
        // The warm-up's first run caught wrk still connecting; only the rounds count.
        HeldSide a = held(4_181, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
        HeldSide b = held(10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
        assertEquals("**not met** — median 0.75×, at least 10,000 connections open in every round", line(outcome(a, b, 0)));
    }

    @Test
    void fewerHeldThanAskedForIsNotConclusiveAndSaysHowMany() {
        HeldSide a = held(10_000, 10_000, 10_000, 9_080, 10_000, 10_000, 10_000, 10_000, 10_000);
        HeldSide b = held(10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
        assertEquals("not conclusive (wrk held only 9,080 of 10,000 connections open) — median 0.75×, "
                + "at least 9,080 connections open in every round", line(outcome(a, b, 0)));
        assertEquals("not conclusive (0 pairs kept < 9 (9 dropped for steal); wrk held only 9,080 of 10,000 connections open) — no pair kept, "
                + "at least 9,080 connections open in every round", line(outcome(a, b, 0.03)));
    }
}
