package nethttp.exercises.graders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nethttp.annotations.Mirrors;
import nethttp.exercises.Conn;

/**
 * The reference of exercise 09: the idle pool of {@code nethttp.transport.Transport}, restated on
 * plain lists, with time as a number the grader moves forward.
 *
 * <p>The Transport's own pool is woven into the Transport (its connections are live
 * {@code persistConn}s, its expiry runs on real timers), so the grader compares students with
 * this restatement instead. A test of the exercises module drives the Transport's pool through
 * the same generated scenarios and holds it to the same properties, so the two cannot drift
 * apart.
 */
public final class IdlePoolModel implements IdlePoolExercise.Pool {
    private final int maxIdleConnsPerHost;
    private final int maxIdleConns;
    private final long timeoutNanos;

    /** Per host, most recently used last. */
    private final Map<String, List<Conn>> idle = new HashMap<>();
    /** Every idle connection with the time it became idle, idle the longest first. */
    private final LinkedHashMap<Conn, Long> idleSince = new LinkedHashMap<>();
    /** After {@link #closeIdle}: refuse returned connections until someone asks for one. */
    private boolean closeIdle;
    private long now;

    /**
     * A pool with Go's settings: {@code maxIdleConnsPerHost} 0 means 2, {@code maxIdleConns} 0
     * means no limit, a zero {@code idleConnTimeout} means idle connections never expire.
     */
    public IdlePoolModel(int maxIdleConnsPerHost, int maxIdleConns, Duration idleConnTimeout) {
        this.maxIdleConnsPerHost = maxIdleConnsPerHost == 0 ? 2 : maxIdleConnsPerHost;
        this.maxIdleConns = maxIdleConns;
        this.timeoutNanos = idleConnTimeout.toNanos();
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.tryPutIdleConn")
    public boolean put(Conn conn) {
        if (conn.isBroken() || closeIdle) return false;
        List<Conn> list = idle.computeIfAbsent(conn.key(), k -> new ArrayList<>());
        if (list.size() >= maxIdleConnsPerHost) return false;
        list.add(conn);
        idleSince.put(conn, now);
        if (maxIdleConns != 0 && idleSince.size() > maxIdleConns) {
            Conn oldest = idleSince.keySet().iterator().next();
            remove(oldest);
            oldest.close();
        }
        return true;
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.queueForIdleConn")
    public Conn get(String key) {
        closeIdle = false;
        List<Conn> list = idle.getOrDefault(key, List.of());
        while (!list.isEmpty()) {
            Conn c = list.get(list.size() - 1);
            remove(c);
            if (!c.isBroken()) return c;
        }
        return null;
    }

    @Override
    @Mirrors(file = "net/http/transport.go", func = "Transport.CloseIdleConnections")
    public void closeIdle() {
        for (Conn c : idleSince.keySet()) c.close();
        idleSince.clear();
        idle.clear();
        closeIdle = true;
    }

    /** Time passes: the idle timers of connections idle for the whole timeout fire. */
    @Override
    @Mirrors(file = "net/http/transport.go", func = "persistConn.closeConnIfStillIdle")
    public void tick(Duration elapsed) {
        now += elapsed.toNanos();
        if (timeoutNanos <= 0) return;
        for (Iterator<Map.Entry<Conn, Long>> it = idleSince.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Conn, Long> e = it.next();
            if (now - e.getValue() < timeoutNanos) continue;
            it.remove();
            idle.get(e.getKey().key()).remove(e.getKey());
            e.getKey().close();
        }
    }

    private void remove(Conn c) {
        idleSince.remove(c);
        List<Conn> list = idle.get(c.key());
        if (list == null) return;
        list.remove(c);
        if (list.isEmpty()) idle.remove(c.key());
    }
}
