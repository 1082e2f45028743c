package nethttp.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import nethttp.event.ClientTraceEvent;
import nethttp.event.Event;
import nethttp.event.EventBus;

/** Records a transport's events and lets a test wait for one. */
final class EventLog {
    private final ReentrantLock mu = new ReentrantLock();
    private final Condition added = mu.newCondition();
    private final List<Event> events = new ArrayList<>();

    EventLog(EventBus bus) {
        bus.subscribe(e -> {
            mu.lock();
            try {
                events.add(e);
                added.signalAll();
            } finally {
                mu.unlock();
            }
        });
    }

    /** Waits until an event matching {@code p} was recorded (at most 10 s, then fails); returns it. */
    Event await(Predicate<Event> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        mu.lock();
        try {
            while (true) {
                for (Event e : events) if (p.test(e)) return e;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no such event; got " + events);
                added.awaitNanos(left);
            }
        } finally {
            mu.unlock();
        }
    }

    ClientTraceEvent await(ClientTraceEvent.Kind kind, long request) throws InterruptedException {
        return (ClientTraceEvent) await(e -> e instanceof ClientTraceEvent c && c.kind() == kind && c.request() == request);
    }

    ClientTraceEvent awaitKind(ClientTraceEvent.Kind kind) throws InterruptedException {
        return (ClientTraceEvent) await(e -> e instanceof ClientTraceEvent c && c.kind() == kind);
    }

    List<ClientTraceEvent> client(ClientTraceEvent.Kind kind) {
        mu.lock();
        try {
            return events.stream().filter(e -> e instanceof ClientTraceEvent c && c.kind() == kind)
                    .map(e -> (ClientTraceEvent) e).toList();
        } finally {
            mu.unlock();
        }
    }

    List<Event> all() {
        mu.lock();
        try {
            return List.copyOf(events);
        } finally {
            mu.unlock();
        }
    }
}
