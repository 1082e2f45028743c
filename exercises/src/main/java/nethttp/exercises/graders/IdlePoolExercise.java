package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nethttp.exercises.Conn;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 09: the Transport's idle connection pool, a stateful exercise. Each property runs
 * generated sequences of operations (connections returned after a response, requests asking
 * for one, time passing, {@code CloseIdleConnections}) on the student's pool and on the
 * reference ({@link IdlePoolModel}) side by side, and stops at the first step where they differ:
 * a different answer, or a different set of closed connections.
 */
public final class IdlePoolExercise extends Exercise<IdlePoolExercise.Subject> {

    /** An idle pool: what the student writes, {@code exercises.IdlePool}, seen by the grader. */
    public interface Pool {
        /** Offers a connection whose response was read to its end; false when it was not kept. */
        boolean put(Conn conn);

        /** The most recently used live idle connection to {@code key}, taken out of the pool; or null. */
        Conn get(String key);

        /** Closes every idle connection. */
        void closeIdle();

        /** Time passes. */
        void tick(Duration elapsed);
    }

    /** How a pool is made: Go's three Transport settings. */
    public interface Subject {
        Pool newPool(int maxIdleConnsPerHost, int maxIdleConns, Duration idleConnTimeout);
    }

    @Override
    public String id() {
        return "09-idle-pool";
    }

    @Override
    public String title() {
        return "The idle connection pool";
    }

    @Override
    public String chapter() {
        return "8 Client and Transport";
    }

    @Override
    public String studentFile() {
        return "IdlePool.java";
    }

    @Override
    public Subject reference() {
        return IdlePoolModel::new;
    }

    @Override
    public Subject student() {
        return (perHost, max, timeout) -> {
            exercises.IdlePool p = new exercises.IdlePool(perHost, max, timeout);
            return new Pool() {
                @Override
                public boolean put(Conn conn) {
                    return p.put(conn);
                }

                @Override
                public Conn get(String key) {
                    return p.get(key);
                }

                @Override
                public void closeIdle() {
                    p.closeIdle();
                }

                @Override
                public void tick(Duration elapsed) {
                    p.tick(elapsed);
                }
            };
        };
    }

    /** The hosts of the scenarios, as the keys the pool is asked for. */
    public static final List<String> HOSTS = List.of("http://a:80", "http://b:80", "https://a:443");
    /** The unit of time passing: a tick is one to four of them. */
    public static final Duration TICK = Duration.ofSeconds(30);
    /** Go's DefaultTransport waits this long before closing an idle connection. */
    public static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** The Transport settings of a scenario. */
    public record Config(int maxIdleConnsPerHost, int maxIdleConns, Duration idleConnTimeout) {
        @Override
        public String toString() {
            return "MaxIdleConnsPerHost " + (maxIdleConnsPerHost == 0 ? "0 (the default, 2)" : maxIdleConnsPerHost)
                    + ", MaxIdleConns " + (maxIdleConns == 0 ? "0 (no limit)" : maxIdleConns)
                    + ", IdleConnTimeout " + (idleConnTimeout.isZero() ? "0 (never)" : idleConnTimeout.toSeconds() + "s");
        }
    }

    /** What happens in one step; listed simplest first, since shrinking heads for the first. */
    public enum Kind {
        /** A new connection to a host, its first response read: it is offered to the pool. */
        PUT_NEW,
        /** A request asks the pool for a connection to a host. */
        GET,
        /** A connection handed out earlier is done with its response and offered back. */
        PUT_BACK,
        /** Time passes. */
        TICK,
        /** {@code Transport.CloseIdleConnections}. */
        CLOSE_IDLE,
        /** A new connection the server closed during its response is offered anyway. */
        PUT_BROKEN
    }

    /**
     * One step: its kind, the host (an index into {@link #HOSTS}) and a number: which connection
     * in use goes back, for {@code PUT_BACK}, or how many {@link #TICK}s pass, for {@code TICK}.
     */
    public record Op(Kind kind, int host, int arg) {}

    /** A generated input: settings and steps. */
    public record Scenario(Config config, List<Op> ops) {
        /** The steps in HTTP terms, connections named as the reference numbers them. */
        @Override
        public String toString() {
            List<String> steps = new ArrayList<>();
            run(IdlePoolModel::new, this, steps);
            return config + "; " + String.join(", ", steps);
        }
    }

    /**
     * Runs {@code sc} on a pool of {@code subject} and on the reference, step by step. Returns
     * null when they agree throughout, else the first difference. {@code steps} collects the
     * steps taken, in HTTP terms.
     */
    static String compare(Subject subject, Scenario sc, List<String> steps) {
        World ref = new World(new IdlePoolModel(sc.config().maxIdleConnsPerHost(), sc.config().maxIdleConns(),
                sc.config().idleConnTimeout()));
        Config c = sc.config();
        World sub = new World(subject.newPool(c.maxIdleConnsPerHost(), c.maxIdleConns(), c.idleConnTimeout()));
        for (Op op : sc.ops()) {
            String step = ref.describe(op);
            if (step == null) continue; // nothing in use to give back
            steps.add(step);
            String expected = ref.apply(op);
            String got = sub.apply(op);
            String at = "at step " + steps.size() + ", " + step;
            if (!expected.equals(got)) return at + ": expected " + expected + ", got " + got;
            String closed = ref.closed(), subClosed = sub.closed();
            if (!closed.equals(subClosed)) {
                return "after step " + steps.size() + ", " + step + ": expected closed " + closed + ", got closed " + subClosed;
            }
        }
        return null;
    }

    private static void run(Subject subject, Scenario sc, List<String> steps) {
        compare(subject, sc, steps);
    }

    /**
     * One side of the comparison: a pool, the connections it was given (each side has its own,
     * since closing one is visible) and those in use, which are the ones a {@code PUT_BACK} can
     * return.
     */
    private static final class World {
        final Pool pool;
        final List<Conn> all = new ArrayList<>();
        final List<Conn> inUse = new ArrayList<>();

        World(Pool pool) {
            this.pool = pool;
        }

        /** The step in HTTP terms; null for a {@code PUT_BACK} with nothing in use. */
        String describe(Op op) {
            String host = HOSTS.get(op.host());
            return switch (op.kind()) {
                case PUT_NEW -> "put conn#" + (all.size() + 1) + " to " + host;
                case PUT_BROKEN -> "put conn#" + (all.size() + 1) + " to " + host + " (closed by the server)";
                case PUT_BACK -> inUse.isEmpty() ? null : "put back " + returning(op) + " to " + returning(op).key();
                case GET -> "get " + host;
                case TICK -> "wait " + TICK.multipliedBy(ticks(op)).toSeconds() + "s";
                case CLOSE_IDLE -> "closeIdle";
            };
        }

        /** Applies the step; returns what the pool answered, in words. */
        String apply(Op op) {
            String host = HOSTS.get(op.host());
            switch (op.kind()) {
                case PUT_NEW, PUT_BROKEN -> {
                    Conn c = new Conn(all.size() + 1, host);
                    all.add(c);
                    if (op.kind() == Kind.PUT_BROKEN) c.close();
                    return offer(c);
                }
                case PUT_BACK -> {
                    Conn c = returning(op);
                    inUse.remove(c);
                    return offer(c);
                }
                case GET -> {
                    Conn c = pool.get(host);
                    if (c == null) return "none";
                    if (!all.contains(c)) return "a connection the pool was never given";
                    if (inUse.contains(c)) return c + ", which is in use already";
                    if (c.isBroken()) return c + ", which is closed";
                    if (!c.key().equals(host)) return c + ", a connection to " + c.key();
                    inUse.add(c);
                    inUse.sort(Comparator.comparingInt(Conn::id));
                    return c.toString();
                }
                case TICK -> pool.tick(TICK.multipliedBy(ticks(op)));
                case CLOSE_IDLE -> pool.closeIdle();
            }
            return "";
        }

        /** As the Transport does: a connection the pool does not keep is closed by the caller. */
        private String offer(Conn c) {
            boolean kept = pool.put(c);
            if (!kept) c.close();
            return kept ? "kept" : "not kept";
        }

        private Conn returning(Op op) {
            return inUse.get(op.arg() % inUse.size());
        }

        private static int ticks(Op op) {
            return 1 + op.arg() % 4;
        }

        /** The closed connections, such as {@code [conn#1, conn#3]}. */
        String closed() {
            return all.stream().filter(Conn::isBroken).map(Conn::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    // Generators. Op kinds are picked from lists with repeats, to weigh them.

    private static Gen<Op> ops(List<Kind> kinds, int hosts) {
        return Generate.pick(kinds).zip(integers().between(0, hosts - 1), integers().between(0, 7), Op::new);
    }

    private static Gen<Scenario> scenarios(Gen<Config> configs, List<Kind> kinds, int hosts, int maxSteps) {
        return configs.zip(lists().of(ops(kinds, hosts)).ofSizeBetween(1, maxSteps), Scenario::new);
    }

    private static Gen<Config> configs(List<Integer> perHost, List<Integer> maxIdle, List<Duration> timeouts) {
        return Generate.pick(perHost).zip(Generate.pick(maxIdle), Generate.pick(timeouts), Config::new);
    }

    private static final List<Kind> USE = List.of(Kind.PUT_NEW, Kind.GET, Kind.PUT_BACK, Kind.PUT_NEW, Kind.GET);

    private static List<Kind> plus(Kind... more) {
        List<Kind> kinds = new ArrayList<>(USE);
        kinds.addAll(List.of(more));
        return kinds;
    }

    /** Every kind of step under every setting: the scenarios of the first property, for the agreement test too. */
    public static Gen<Scenario> anyScenario() {
        return scenarios(configs(List.of(2, 1, 3, 0), List.of(0, 1, 2, 3, 4), List.of(TIMEOUT, Duration.ZERO)),
                plus(Kind.TICK, Kind.PUT_NEW, Kind.GET, Kind.PUT_BACK, Kind.CLOSE_IDLE, Kind.PUT_BROKEN), 3, 40);
    }

    private static Property<Subject> agrees(String name, String statement, Gen<Scenario> gen) {
        return Property.forAll(name, statement, gen, Scenario::toString,
                (s, sc) -> compare(s, sc, new ArrayList<>()), IdlePoolExercise::withOneStepLess);
    }

    /** The scenario with one step left out, each way, for shorter counterexamples. */
    private static Stream<Scenario> withOneStepLess(Scenario sc) {
        return IntStream.range(0, sc.ops().size()).filter(i -> sc.ops().size() > 1).mapToObj(i -> {
            List<Op> fewer = new ArrayList<>(sc.ops());
            fewer.remove(i);
            return new Scenario(sc.config(), List.copyOf(fewer));
        });
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                agrees("most recently used first",
                        "with room for all: get returns the connection to its host put (back) last, and none when there is none",
                        scenarios(configs(List.of(3), List.of(0), List.of(Duration.ZERO)), USE, 2, 20)),
                agrees("at most MaxIdleConnsPerHost idle per host, 0 meaning 2",
                        "put keeps a connection only while its host has fewer than MaxIdleConnsPerHost idle "
                                + "(2 when set to 0); otherwise it is not kept, and the idle ones stay",
                        scenarios(configs(List.of(1, 2, 0, 3), List.of(0), List.of(Duration.ZERO)), USE, 2, 20)),
                agrees("MaxIdleConns closes the connection idle the longest",
                        "a put that makes more than MaxIdleConns idle in all closes the one idle the longest, "
                                + "whatever its host",
                        scenarios(configs(List.of(3), List.of(1, 2, 3), List.of(Duration.ZERO)), USE, 3, 25)),
                agrees("IdleConnTimeout closes connections idle that long",
                        "after time passes, every connection idle for IdleConnTimeout or longer is closed and never handed out",
                        scenarios(configs(List.of(3), List.of(0), List.of(TIMEOUT)), plus(Kind.TICK, Kind.TICK), 2, 25)),
                agrees("closeIdle closes the idle ones and refuses puts until a get; closed ones are never kept",
                        "closeIdle closes every idle connection, and until the next get, put keeps nothing; "
                                + "a connection the server closed is never kept",
                        scenarios(configs(List.of(2), List.of(0), List.of(Duration.ZERO)),
                                plus(Kind.CLOSE_IDLE, Kind.PUT_BROKEN), 2, 25)),
                agrees("agrees with the Transport's pool",
                        "for all settings and sequences of put, get, time passing and closeIdle: "
                                + "the same answers and the same closed connections as the Transport",
                        anyScenario()));
    }
}
