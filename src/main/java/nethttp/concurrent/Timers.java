package nethttp.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nethttp.annotations.Mirrors;

/**
 * The library's one timer: a task to run once after a delay, Go's {@code time.AfterFunc}. Context
 * deadlines, the server's write deadlines and the transport's idle-connection timeouts all wait
 * here, on one daemon thread for the whole process, so that a pending timer never keeps a program
 * alive and no part of the library starts a timer thread of its own.
 *
 * <p>Tasks run on the timer thread itself, one after another in deadline order, so they must be
 * short and must not block: cancel a context, close a socket, and return. A task that throws
 * leaves the timer running; its exception is kept in the returned future.
 */
public final class Timers {
    private Timers() {}

    /** The name of the timer thread, as thread dumps and the visualizer show it. */
    public static final String THREAD_NAME = "nethttp-timers";

    private static final ScheduledExecutorService TIMER = create();

    private static ScheduledExecutorService create() {
        var exec = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        exec.setRemoveOnCancelPolicy(true); // a stopped timer lets go of what its task holds
        return Executors.unconfigurableScheduledExecutorService(exec);
    }

    /**
     * Runs {@code task} once, {@code delay} from now. {@code cancel(false)} on the result is Go's
     * {@code Timer.Stop}: it returns true when it kept the task from running.
     */
    @Mirrors(file = "time/sleep.go", func = "AfterFunc")
    public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return TIMER.schedule(task, delay, unit);
    }
}
