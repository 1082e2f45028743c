package nethttp.exercises.chaffs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nethttp.exercises.Conn;
import nethttp.exercises.graders.IdlePoolExercise;

/**
 * Wrong solutions to exercise 09. Each is a working pool with one mistake, in the method it
 * overrides.
 */
public final class IdlePoolChaffs {
    private IdlePoolChaffs() {}

    /** A pool that would pass; the chaffs below each get one thing wrong. */
    abstract static class Base implements IdlePoolExercise.Pool {
        final int perHost;
        final int maxIdle;
        final long timeout;
        final Map<String, List<Conn>> idle = new HashMap<>(); // most recent last
        final LinkedHashMap<Conn, Long> since = new LinkedHashMap<>(); // oldest first
        boolean refuse;
        long now;

        Base(int perHost, int maxIdle, Duration timeout) {
            this.perHost = perHost == 0 ? 2 : perHost;
            this.maxIdle = maxIdle;
            this.timeout = timeout.toNanos();
        }

        List<Conn> list(String key) {
            return idle.computeIfAbsent(key, k -> new ArrayList<>());
        }

        void remove(Conn c) {
            since.remove(c);
            list(c.key()).remove(c);
        }

        @Override
        public boolean put(Conn conn) {
            if (conn.isBroken() || refuse) return false;
            if (list(conn.key()).size() >= perHost) return false;
            list(conn.key()).add(conn);
            since.put(conn, now);
            if (maxIdle != 0 && since.size() > maxIdle) evict();
            return true;
        }

        void evict() {
            Conn oldest = since.keySet().iterator().next();
            remove(oldest);
            oldest.close();
        }

        @Override
        public Conn get(String key) {
            refuse = false;
            List<Conn> l = list(key);
            if (l.isEmpty()) return null;
            Conn c = l.get(l.size() - 1);
            remove(c);
            return c;
        }

        @Override
        public void closeIdle() {
            since.keySet().forEach(Conn::close);
            since.clear();
            idle.clear();
            refuse = true;
        }

        @Override
        public void tick(Duration elapsed) {
            now += elapsed.toNanos();
            if (timeout <= 0) return;
            for (Conn c : List.copyOf(since.keySet())) {
                if (now - since.get(c) >= timeout) {
                    remove(c);
                    c.close();
                }
            }
        }
    }

    /** Over MaxIdleConns, closes the connection idle the shortest: the one just put. */
    public static final class EvictsNewest extends Base {
        public EvictsNewest(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        void evict() {
            Conn newest = null;
            for (Conn c : since.keySet()) newest = c;
            remove(newest);
            newest.close();
        }
    }

    /** Hands out the connection idle the longest, as a queue would: first in, first out. */
    public static final class Fifo extends Base {
        public Fifo(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public Conn get(String key) {
            refuse = false;
            List<Conn> l = list(key);
            if (l.isEmpty()) return null;
            Conn c = l.get(0);
            remove(c);
            return c;
        }
    }

    /** Knows only the total cap: any host may fill the pool. */
    public static final class IgnoresPerHostCap extends Base {
        public IgnoresPerHostCap(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public boolean put(Conn conn) {
            if (conn.isBroken() || refuse) return false;
            list(conn.key()).add(conn);
            since.put(conn, now);
            if (maxIdle != 0 && since.size() > maxIdle) evict();
            return true;
        }
    }

    /** With its host full, keeps the newcomer and closes the host's oldest idle connection instead. */
    public static final class PerHostEvictsOldest extends Base {
        public PerHostEvictsOldest(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public boolean put(Conn conn) {
            if (conn.isBroken() || refuse) return false;
            List<Conn> l = list(conn.key());
            if (l.size() >= perHost) {
                Conn oldest = l.get(0);
                remove(oldest);
                oldest.close();
            }
            l.add(conn);
            since.put(conn, now);
            if (maxIdle != 0 && since.size() > maxIdle) evict();
            return true;
        }
    }

    /** Takes MaxIdleConnsPerHost 0 at its word: no idle connections at all, instead of Go's default 2. */
    public static final class ZeroPerHostKeepsNone extends Base {
        public ZeroPerHostKeepsNone(int perHost, int maxIdle, Duration timeout) {
            super(perHost == 0 ? -1 : perHost, maxIdle, timeout);
        }

        @Override
        public boolean put(Conn conn) {
            return perHost > 0 && super.put(conn);
        }
    }

    /** Keeps the clock but never closes anything on it: expired connections are handed out. */
    public static final class HandsOutExpired extends Base {
        public HandsOutExpired(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public void tick(Duration elapsed) {
            now += elapsed.toNanos();
        }
    }

    /** closeIdle closes what is idle but keeps accepting connections right after. */
    public static final class ForgetsCloseIdle extends Base {
        public ForgetsCloseIdle(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public void closeIdle() {
            super.closeIdle();
            refuse = false;
        }
    }

    /** Keeps connections the server already closed; get then hands them out. */
    public static final class KeepsBroken extends Base {
        public KeepsBroken(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public boolean put(Conn conn) {
            if (refuse || list(conn.key()).size() >= perHost) return false;
            list(conn.key()).add(conn);
            since.put(conn, now);
            if (maxIdle != 0 && since.size() > maxIdle) evict();
            return true;
        }
    }

    /** Closes a connection only when it has been idle longer than the timeout, not exactly that long. */
    public static final class TimeoutStrictlyLonger extends Base {
        public TimeoutStrictlyLonger(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public void tick(Duration elapsed) {
            now += elapsed.toNanos();
            if (timeout <= 0) return;
            for (Conn c : List.copyOf(since.keySet())) {
                if (now - since.get(c) > timeout) {
                    remove(c);
                    c.close();
                }
            }
        }
    }

    /** Ends the refusal after closeIdle only when a get finds a connection, not on every get. */
    public static final class RefusesUntilAGetFindsOne extends Base {
        public RefusesUntilAGetFindsOne(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public Conn get(String key) {
            List<Conn> l = list(key);
            if (l.isEmpty()) return null;
            refuse = false;
            Conn c = l.get(l.size() - 1);
            remove(c);
            return c;
        }
    }

    /** Over MaxIdleConns, closes the oldest idle connection of the newcomer's own host, not of all hosts. */
    public static final class EvictsOldestOfSameHost extends Base {
        private String lastKey;

        public EvictsOldestOfSameHost(int perHost, int maxIdle, Duration timeout) {
            super(perHost, maxIdle, timeout);
        }

        @Override
        public boolean put(Conn conn) {
            lastKey = conn.key();
            return super.put(conn);
        }

        @Override
        void evict() {
            Conn oldest = list(lastKey).get(0);
            remove(oldest);
            oldest.close();
        }
    }
}
