package nethttp.visualizer.model;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ExchangeEvent;

/**
 * Exports a recording in the Chrome trace-event JSON format, which Perfetto
 * (ui.perfetto.dev) and chrome://tracing open.
 *
 * <p>Process 1 holds the thread lanes, a complete ({@code "ph":"X"}) span for every stretch a
 * thread ran or was parked; process 2 holds the connection lanes, one span per connection
 * state; exchanges and wire traffic are instant events ({@code "ph":"i"}) on their connection,
 * notes are global instants. Each client transport of a scenario has a process of its own,
 * from 3 on, named after its label: a track per client connection (its dialing, in-use and idle
 * spans) and per client thread, and the transport's steps as instant events on the connection
 * they concern. Times are microseconds from the first happening.
 */
public final class ChromeTrace {
    private static final int THREADS_PID = 1;
    private static final int CONNS_PID = 2;
    private static final int FIRST_CLIENT_PID = 3;

    private final Model model;
    private final Writer out;
    private final long zero;
    private boolean first = true;
    /** Client transports by label, to their process ids. */
    private final java.util.Map<String, Integer> clientPids = new java.util.LinkedHashMap<>();
    /** Client connection tracks, by label and connection. */
    private final java.util.Map<String, Long> clientConnTids = new java.util.HashMap<>();

    private ChromeTrace(Model model, Writer out) {
        this.model = model;
        this.out = out;
        // Threads append in nearly, not exactly, the order of their clocks: start at the earliest.
        this.zero = model.happenings().stream().mapToLong(Happening::nanos).min().orElse(0);
    }

    /** Writes the whole of {@code model} to {@code out} as one JSON object. */
    public static void write(Model model, Writer out) throws IOException {
        new ChromeTrace(model, out).writeAll();
    }

    private void writeAll() throws IOException {
        out.write("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        meta(THREADS_PID, 0, "process_name", "nethttp threads");
        meta(CONNS_PID, 0, "process_name", "nethttp connections");
        List<Lanes.Lane> lanes = model.lanes().all();
        for (int i = 0; i < lanes.size(); i++) {
            Lanes.Lane lane = lanes.get(i);
            boolean conn = lane.kind() != Lanes.Kind.THREAD;
            int pid = lane.source().isEmpty() ? (conn ? CONNS_PID : THREADS_PID) : clientPid(lane.source());
            long tid = lane.kind() == Lanes.Kind.CONN ? lane.conn() : i + 1;
            if (lane.kind() == Lanes.Kind.CLIENT_CONN) clientConnTids.put(lane.source() + " " + lane.conn(), tid);
            meta(pid, tid, "thread_name", conn ? lane.label() + " " + lane.remoteAddr() : lane.label());
            spans(lane, pid, tid);
        }
        for (Happening h : model.happenings()) instant(h);
        out.write("\n]}\n");
        out.flush();
    }

    private void spans(Lanes.Lane lane, int pid, long tid) throws IOException {
        List<Lanes.Change> changes = lane.changes();
        for (int i = 0; i < changes.size(); i++) {
            Lanes.Change c = changes.get(i);
            if (c.state().equals("ended") || c.state().equals("closed") || c.state().equals("hijacked")) continue;
            String cat = switch (lane.kind()) {
                case CONN -> "conn-state";
                case CLIENT_CONN -> "client-conn";
                case THREAD -> "thread";
            };
            long from = model.get(c.index()).nanos();
            long to = i + 1 < changes.size() ? model.get(changes.get(i + 1).index()).nanos() : model.get(model.size() - 1).nanos();
            String name = c.on().isEmpty() ? c.state() : c.state() + ": " + c.on();
            event("\"name\":" + str(name) + ",\"cat\":" + str(cat)
                    + ",\"ph\":\"X\",\"ts\":" + micros(from) + ",\"dur\":" + durMicros(from, to)
                    + ",\"pid\":" + pid + ",\"tid\":" + tid + ",\"args\":{}");
        }
    }

    private void instant(Happening h) throws IOException {
        switch (h) {
            case LibraryEvent le when le.event() instanceof ExchangeEvent x -> event("\"name\":"
                    + str(Describe.exchangeKind(x.kind()) + ": " + x.detail()) + ",\"cat\":\"exchange\",\"ph\":\"i\",\"s\":\"t\",\"ts\":"
                    + micros(x.nanos()) + ",\"pid\":" + CONNS_PID + ",\"tid\":" + x.conn() + ",\"args\":{\"detail\":" + str(x.detail()) + "}");
            case WireBytes w -> event("\"name\":" + str("wire " + w.direction().arrow() + " " + w.bytes().length() + " bytes")
                    + ",\"cat\":\"wire\",\"ph\":\"i\",\"s\":\"t\",\"ts\":" + micros(w.nanos()) + ",\"pid\":" + CONNS_PID
                    + ",\"tid\":" + connTid(w.clientAddr()) + ",\"args\":{\"client\":" + str(w.clientAddr())
                    + ",\"bytes\":" + w.bytes().length() + ",\"text\":" + str(Describe.printable(w.bytes(), 300)) + "}");
            case LibraryEvent le when le.event() instanceof ClientTraceEvent c -> event("\"name\":"
                    + str("req " + c.request() + " " + Describe.clientKind(c.kind()) + (c.detail().isEmpty() ? "" : ": " + c.detail()))
                    + ",\"cat\":\"client\",\"ph\":\"i\",\"s\":\"t\",\"ts\":" + micros(c.nanos()) + ",\"pid\":" + clientPid(le.source())
                    + ",\"tid\":" + clientConnTids.getOrDefault(le.source() + " " + c.conn(), 0L)
                    + ",\"args\":{\"request\":" + c.request() + ",\"conn\":" + c.conn() + ",\"detail\":" + str(c.detail()) + "}");
            case Note n -> event("\"name\":" + str(n.text()) + ",\"cat\":\"note\",\"ph\":\"i\",\"s\":\"g\",\"ts\":"
                    + micros(n.nanos()) + ",\"pid\":" + THREADS_PID + ",\"tid\":0,\"args\":{}");
            default -> {}
        }
    }

    /** The process of a client transport, named when first met. */
    private int clientPid(String source) throws IOException {
        Integer pid = clientPids.get(source);
        if (pid == null) {
            pid = FIRST_CLIENT_PID + clientPids.size();
            clientPids.put(source, pid);
            meta(pid, 0, "process_name", "client " + source);
        }
        return pid;
    }

    /** The connection lane a client address belongs to; 0 when the server never reported it. */
    private long connTid(String clientAddr) {
        for (Lanes.Lane l : model.lanes().all()) if (l.kind() == Lanes.Kind.CONN && l.remoteAddr().equals(clientAddr)) return l.conn();
        return 0;
    }

    private void meta(int pid, long tid, String what, String name) throws IOException {
        event("\"name\":" + str(what) + ",\"ph\":\"M\",\"pid\":" + pid + ",\"tid\":" + tid + ",\"args\":{\"name\":" + str(name) + "}");
    }

    private void event(String fields) throws IOException {
        out.write(first ? "{" : ",\n{");
        first = false;
        out.write(fields);
        out.write("}");
    }

    private String micros(long nanos) {
        long rel = nanos - zero;
        return String.format(java.util.Locale.ROOT, "%.3f", rel / 1000.0);
    }

    private static String durMicros(long from, long to) {
        return String.format(java.util.Locale.ROOT, "%.3f", Math.max(0, to - from) / 1000.0);
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
