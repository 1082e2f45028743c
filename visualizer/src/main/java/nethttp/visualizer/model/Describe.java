package nethttp.visualizer.model;

import nethttp.event.ClientTraceEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadRole;
import nethttp.event.TraceFormat;

/** Words for happenings: the event log's lines and the names the views print. */
public final class Describe {
    private Describe() {}

    /** One log line for {@code h}, its time relative to {@code startNanos}. */
    public static String line(Happening h, long startNanos) {
        return switch (h) {
            case LibraryEvent le -> withSource(new TraceFormat(startNanos).format(le.event()), le.source());
            case WireBytes w -> time(w.nanos(), startNanos) + "  wire " + w.clientAddr() + " " + w.direction().arrow() + " "
                    + w.bytes().length() + " bytes  " + printable(w.bytes(), 60);
            case Note n -> time(n.nanos(), startNanos) + "  note    " + n.text();
        };
    }

    /** A client's line names its transport right after the time, where a server's line has none. */
    private static String withSource(String line, String source) {
        if (source.isEmpty()) return line;
        int afterTime = line.indexOf(" ms") + 3;
        return line.substring(0, afterTime) + "  " + source + line.substring(afterTime);
    }

    private static String time(long nanos, long startNanos) {
        return String.format("%10.3f ms        ", (nanos - startNanos) / 1e6);
    }

    /** Bytes as a person reads them: CR and LF shown as {@code \r\n}, other controls as {@code .}. */
    public static String printable(String bytes, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes.length() && b.length() < max; i++) {
            char c = bytes.charAt(i);
            if (c == '\r') b.append("\\r");
            else if (c == '\n') b.append("\\n");
            else if (c < 0x20 || c == 0x7f) b.append('.');
            else b.append(c);
        }
        if (b.length() >= max) b.append('…');
        return b.toString();
    }

    /**
     * A request's name as the scenarios tell their stories: a, b, c, ... for the first 26 of a
     * transport, then the number.
     */
    public static String requestName(long request) {
        return request >= 1 && request <= 26 ? String.valueOf((char) ('a' + request - 1)) : Long.toString(request);
    }

    /** The role as the trace prints it: {@code conn-serve}, {@code background-read}. */
    public static String roleName(ThreadRole role) {
        return role.name().toLowerCase().replace('_', '-');
    }

    /** {@code request read}, {@code response header}, ... */
    public static String exchangeKind(ExchangeEvent.Kind kind) {
        return kind.name().toLowerCase().replace('_', ' ');
    }

    /** {@code got conn}, {@code idle won}, ... */
    public static String clientKind(ClientTraceEvent.Kind kind) {
        return kind.name().toLowerCase().replace('_', ' ');
    }

    /** The connection an event concerns, 0 for none; wire bytes and notes name none. */
    public static long connOf(Happening h) {
        return h instanceof LibraryEvent le ? le.event().conn() : 0;
    }
}
