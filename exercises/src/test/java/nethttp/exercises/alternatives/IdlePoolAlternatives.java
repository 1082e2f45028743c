package nethttp.exercises.alternatives;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nethttp.exercises.Conn;
import nethttp.exercises.graders.IdlePoolExercise;

/** Correct solutions to exercise 09. */
public final class IdlePoolAlternatives {
    private IdlePoolAlternatives() {}

    /** A stack per host, and one list of (connection, time) in the order they became idle. */
    public static final class DequesAndList implements IdlePoolExercise.Pool {
        private record Idle(Conn conn, Duration since) {}

        private final int perHost;
        private final int maxIdle;
        private final Duration timeout;
        private final Map<String, Deque<Conn>> byHost = new HashMap<>();
        private final List<Idle> byAge = new ArrayList<>();
        private Duration now = Duration.ZERO;
        private boolean closing;

        public DequesAndList(int maxIdleConnsPerHost, int maxIdleConns, Duration idleConnTimeout) {
            this.perHost = maxIdleConnsPerHost > 0 ? maxIdleConnsPerHost : 2;
            this.maxIdle = maxIdleConns;
            this.timeout = idleConnTimeout;
        }

        private Deque<Conn> stack(String key) {
            return byHost.computeIfAbsent(key, k -> new ArrayDeque<>());
        }

        private void forget(Conn c) {
            stack(c.key()).remove(c);
            byAge.removeIf(i -> i.conn() == c);
        }

        @Override
        public boolean put(Conn conn) {
            if (conn.isBroken() || closing || stack(conn.key()).size() >= perHost) return false;
            stack(conn.key()).push(conn);
            byAge.add(new Idle(conn, now));
            if (maxIdle > 0 && byAge.size() > maxIdle) {
                Conn oldest = byAge.get(0).conn();
                forget(oldest);
                oldest.close();
            }
            return true;
        }

        @Override
        public Conn get(String key) {
            closing = false;
            Conn c = stack(key).poll();
            if (c != null) forget(c);
            return c;
        }

        @Override
        public void closeIdle() {
            closing = true;
            byAge.forEach(i -> i.conn().close());
            byAge.clear();
            byHost.clear();
        }

        @Override
        public void tick(Duration elapsed) {
            now = now.plus(elapsed);
            if (timeout.isZero() || timeout.isNegative()) return;
            for (Iterator<Idle> it = byAge.iterator(); it.hasNext();) {
                Idle i = it.next();
                if (now.minus(i.since()).compareTo(timeout) >= 0) {
                    it.remove();
                    stack(i.conn().key()).remove(i.conn());
                    i.conn().close();
                }
            }
        }
    }
}
