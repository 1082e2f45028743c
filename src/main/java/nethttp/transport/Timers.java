package nethttp.transport;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one daemon timer thread behind every transport's idle timers: Go's {@code time.AfterFunc}. */
final class Timers {
    private Timers() {}

    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
        var exec = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "nethttp-client-timers");
            t.setDaemon(true);
            return t;
        });
        exec.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(exec);
    }
}
