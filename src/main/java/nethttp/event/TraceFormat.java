package nethttp.event;

/**
 * Formats events as single lines for a terminal, relative to a start time:
 *
 * <pre>
 *     0.412 ms  conn 1  state   new       127.0.0.1:53122
 *     0.530 ms  conn 1  thread  conn-serve started
 *     0.601 ms  conn 1  thread  conn-serve parked on read request
 * </pre>
 */
public final class TraceFormat {
    private final long start;

    public TraceFormat(long startNanos) {
        this.start = startNanos;
    }

    /** One line for {@code e}, without a line break. */
    public String format(Event e) {
        String time = String.format("%10.3f ms", (e.nanos() - start) / 1e6);
        String conn = e.conn() == 0 ? "        " : String.format("conn %-3d", e.conn());
        String what = switch (e) {
            case ConnStateEvent s -> "state   " + String.format("%-9s %s", s.state().goName(), s.remoteAddr());
            case ThreadEvent t -> "thread  " + roleName(t.role()) + " " + kindText(t);
            case ExchangeEvent x -> "http    " + x.kind().name().toLowerCase().replace('_', ' ') + ": " + x.detail();
            case ClientTraceEvent c -> String.format("client  req %-3d %s", c.request(), c.kind().name().toLowerCase().replace('_', ' '))
                    + (c.detail().isEmpty() ? "" : ": " + c.detail());
        };
        return time + "  " + conn + " " + what;
    }

    private static String roleName(ThreadRole role) {
        return role.name().toLowerCase().replace('_', '-');
    }

    private static String kindText(ThreadEvent t) {
        return switch (t.kind()) {
            case STARTED -> "started";
            case PARKED -> "parked on " + t.on();
            case RUNNING -> "running";
            case ENDED -> "ended";
        };
    }
}
