package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.server.AcceptBackoffReference;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 11: the accept loop's backoff, Go's {@code tempDelay} in {@code Server.Serve},
 * checked against the library's {@code nethttp.server.AcceptBackoff}. Inputs are runs of failed
 * accepts separated by successes; runs of nine and more failures are drawn on purpose, since the
 * ceiling of one second is reached on the ninth.
 */
public final class AcceptBackoffExercise extends Exercise<AcceptBackoffExercise.Subject> {

    /** One accept loop's backoff, as the student writes it: {@code exercises.AcceptBackoff}. */
    public interface Loop {
        Duration failed();

        void succeeded();
    }

    /** What the student writes: a backoff per loop, and the log line. */
    public interface Subject {
        Loop newLoop();

        String logLine(String error, Duration wait);
    }

    @Override
    public String id() {
        return "11-accept-backoff";
    }

    @Override
    public String title() {
        return "The accept loop's backoff";
    }

    @Override
    public String chapter() {
        return "3 Server & the accept loop";
    }

    @Override
    public String studentFile() {
        return "AcceptBackoff.java";
    }

    @Override
    public Subject reference() {
        return new Subject() {
            @Override
            public Loop newLoop() {
                AcceptBackoffReference b = new AcceptBackoffReference();
                return new Loop() {
                    @Override
                    public Duration failed() {
                        return b.failed();
                    }

                    @Override
                    public void succeeded() {
                        b.succeeded();
                    }
                };
            }

            @Override
            public String logLine(String error, Duration wait) {
                return AcceptBackoffReference.logLine(error, wait);
            }
        };
    }

    @Override
    public Subject student() {
        return new Subject() {
            @Override
            public Loop newLoop() {
                exercises.AcceptBackoff b = new exercises.AcceptBackoff();
                return new Loop() {
                    @Override
                    public Duration failed() {
                        return b.failed();
                    }

                    @Override
                    public void succeeded() {
                        b.succeeded();
                    }
                };
            }

            @Override
            public String logLine(String error, Duration wait) {
                return exercises.AcceptBackoff.logLine(error, wait);
            }
        };
    }

    /** Runs of failed accepts, each run but the last ended by a successful accept. */
    public record Runs(List<Integer> failures) {
        @Override
        public String toString() {
            if (failures.size() == 1) return "accept fails " + times(failures.get(0)) + " in a row";
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < failures.size(); i++) {
                parts.add("fails " + times(failures.get(i)));
                if (i < failures.size() - 1) parts.add("succeeds");
            }
            return "accept " + String.join(", ", parts);
        }

        private static String times(int n) {
            return n == 1 ? "once" : n + " times";
        }
    }

    /** One to four runs of 0 to 14 failures; runs of 9 and more (the ceiling) are drawn as often as shorter ones. */
    private static Gen<Runs> runs() {
        Gen<Integer> run = integers().between(0, 8).mix(integers().between(9, 14));
        return lists().of(run).ofSizeBetween(1, 4).map(l -> new Runs(List.copyOf(l)));
    }

    /** A wait as the report shows it: Go's form for the waits the loop uses, milliseconds otherwise. */
    static String show(Duration d) {
        if (d == null) return "null";
        long ms = d.toMillis();
        if (!d.equals(Duration.ofMillis(ms))) return d.toString();
        return ms != 0 && ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    /** The waits of every failure in {@code runs}, the loop told of each success between. */
    private static List<Duration> waits(Loop loop, Runs runs) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < runs.failures().size(); i++) {
            if (i > 0) loop.succeeded();
            for (int f = 0; f < runs.failures().get(i); f++) waits.add(loop.failed());
        }
        return waits;
    }

    static String sameWaits(Subject s, Runs runs) {
        List<Duration> want = waits(REFERENCE.newLoop(), runs);
        List<Duration> got = waits(s.newLoop(), runs);
        for (int i = 0; i < want.size(); i++) {
            if (!Objects.equals(want.get(i), got.get(i))) {
                return "failure " + (i + 1) + " of all: expected wait " + show(want.get(i)) + ", got " + show(got.get(i));
            }
        }
        return null;
    }

    static String bounded(Subject s, Runs runs) {
        Loop loop = s.newLoop();
        for (int i = 0; i < runs.failures().size(); i++) {
            if (i > 0) loop.succeeded();
            Duration before = null;
            for (int f = 0; f < runs.failures().get(i); f++) {
                Duration d = loop.failed();
                String where = "run " + (i + 1) + ", failure " + (f + 1) + ": ";
                if (d == null) return where + "failed() returned null";
                if (f == 0 && !d.equals(FIRST)) return where + "expected 5ms, the first wait of a run, got " + show(d);
                if (d.compareTo(MAX) > 0) return where + "waits " + show(d) + ", more than 1s";
                if (before != null && d.compareTo(before) < 0) return where + "waits " + show(d) + ", less than the " + show(before) + " before it";
                before = d;
            }
        }
        return null;
    }

    private static final Duration FIRST = Duration.ofMillis(5);
    private static final Duration MAX = Duration.ofSeconds(1);
    private static final Subject REFERENCE = new AcceptBackoffExercise().reference();

    /** Every wait the loop can reach: 5 ms doubled up to 640 ms, and the ceiling. */
    private static final List<Duration> REACHABLE = List.of(5, 10, 20, 40, 80, 160, 320, 640, 1000).stream()
            .map(Duration::ofMillis).toList();
    private static final List<String> ERRORS = List.of("accept tcp 127.0.0.1:8080: accept4: too many open files",
            "EOF", "Socket closed", "", "caf\u00e9: r\u00e9seau indisponible", "a; retrying in 5ms");

    /** An error message and a wait, for the log line. */
    public record Logged(String error, Duration pause) {
        @Override
        public String toString() {
            return "an accept failing with " + Show.q(error) + ", then a wait of " + show(pause);
        }
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("waits as the library does",
                        "for every sequence of failed and successful accepts, each failed() returns the wait "
                                + "nethttp.server.AcceptBackoff returns at that point",
                        runs(), Runs::toString, AcceptBackoffExercise::sameWaits),
                Property.forAll("starts at 5 ms, never more than 1 s",
                        "the first failure of a run waits 5ms; no wait exceeds 1s; within a run, no wait is "
                                + "shorter than the one before",
                        runs(), Runs::toString, AcceptBackoffExercise::bounded),
                Property.forAll("logs Go's line",
                        "for every error message and every wait the loop reaches: logLine(error, wait) is "
                                + "what the server logs, \"http: Accept error: <error>; retrying in <wait>\" with Go's durations",
                        Generate.pick(ERRORS).zip(Generate.pick(REACHABLE), Logged::new), Logged::toString,
                        (s, l) -> Show.expect(REFERENCE.logLine(l.error(), l.pause()), s.logLine(l.error(), l.pause()))));
    }
}
