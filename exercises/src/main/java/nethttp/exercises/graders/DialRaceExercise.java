package nethttp.exercises.graders;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import nethttp.exercises.Conn;
import nethttp.exercises.DialRaceSlot;
import nethttp.exercises.Exercise;
import nethttp.exercises.HostPool;
import nethttp.exercises.Property;
import org.quicktheories.generators.Generate;

/**
 * Exercise 13: Go 1.12's race between a request's own dial and a connection handed over by
 * another request, and the clean-up after the dial that lost ({@code handlePendingDial}).
 *
 * <p>The inputs are few: one dial (a connection or an error), up to two hand-overs and at most
 * one cancel, in every order, with a pool that has room or not. All of them are tried, one call
 * after another, with the request awaiting from the start: the first three properties judge who
 * won, where every connection ended up, and how often the dial's permission was given back. The
 * fourth puts a hand-over against the dial under Lincheck's model checker, as exercise 10 does
 * (see {@link TryDeliverExercise} for why Lincheck), so that a check of the race and its change
 * that are not one step are caught in every run.
 */
public final class DialRaceExercise extends Exercise<DialRaceExercise.Subject> {

    /** A race written for the grader's own tests (the reference, the chaffs). */
    public interface Race extends DialRaceSlot {}

    /** How a race is made: with the host's pool and dial count, where a late dial cleans up. */
    public interface Subject {
        DialRaceSlot newRace(HostPool pool);
    }

    /** How long the request may take to wake before the grader calls it stuck. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    /** How long once one request was found stuck: the other inputs then go fast. */
    static final Duration PATIENCE_AFTER_STUCK = Duration.ofMillis(300);
    private static final String HOST = "http://a:80";

    @Override
    public String id() {
        return "13-dial-race";
    }

    @Override
    public String title() {
        return "A dial against a hand-over, and the pending dial (Go 1.12)";
    }

    @Override
    public String chapter() {
        return "9 The getConn race";
    }

    @Override
    public String studentFile() {
        return "DialRace.java";
    }

    @Override
    public Subject reference() {
        return DialRaceModel::new;
    }

    @Override
    public Subject student() {
        return exercises.DialRace::new;
    }

    /** One call on the race. */
    public enum Move {
        /** Another request's connection is offered: {@code handOver(conn)}. */
        HAND_OVER,
        /** The dial brings a connection: {@code dialDone(conn, null)}. */
        DIAL_CONN,
        /** The dial fails: {@code dialDone(null, err)}. */
        DIAL_ERROR,
        /** The request gives up: {@code cancel(err)}. */
        CANCEL
    }

    /** Calls in order, on a host whose idle pool has room for one connection, or none. */
    public record Script(List<Move> moves, boolean room) {
        @Override
        public String toString() {
            return Cast.describe(moves) + "; the pool " + (room ? "has room" : "is full");
        }
    }

    /** The connections and errors of one script's calls, made afresh for every run. */
    static final class Cast {
        final List<Move> moves;
        final List<Object> values = new ArrayList<>();
        final IOException dialError = new IOException("dial tcp a:80: connect: connection refused");
        final IOException canceled = new IOException("net/http: request canceled while waiting for connection");

        Cast(List<Move> moves) {
            this.moves = moves;
            int conns = 0;
            for (Move m : moves) {
                values.add(switch (m) {
                    case HAND_OVER, DIAL_CONN -> new Conn(++conns, HOST);
                    case DIAL_ERROR -> dialError;
                    case CANCEL -> canceled;
                });
            }
        }

        String move(int i) {
            return switch (moves.get(i)) {
                case HAND_OVER -> "handOver(" + values.get(i) + ")";
                case DIAL_CONN -> "dialDone(" + values.get(i) + ")";
                case DIAL_ERROR -> "dialDone(error)";
                case CANCEL -> "cancel";
            };
        }

        /** Plays call {@code i}; a hand-over's result, or null. */
        Object play(DialRaceSlot slot, int i) {
            Object v = values.get(i);
            switch (moves.get(i)) {
                case HAND_OVER -> {
                    return slot.handOver((Conn) v);
                }
                case DIAL_CONN -> slot.dialDone((Conn) v, null);
                case DIAL_ERROR -> slot.dialDone(null, (IOException) v);
                case CANCEL -> slot.cancel((IOException) v);
            }
            return null;
        }

        /** The first call: it settles the race. */
        int winner() {
            return 0;
        }

        int dial() {
            for (int i = 0; i < moves.size(); i++) {
                if (moves.get(i) == Move.DIAL_CONN || moves.get(i) == Move.DIAL_ERROR) return i;
            }
            throw new IllegalStateException("a script without a dial");
        }

        String name(Object outcome) {
            if (outcome == dialError) return "the dial's error";
            if (outcome == canceled) return "the cancellation's error";
            if (outcome instanceof Conn c && values.contains(c)) return c.toString();
            if (outcome instanceof Conn) return "a connection nobody brought";
            if (outcome == null) return "null";
            return outcome instanceof Throwable t ? "the exception " + t : String.valueOf(outcome);
        }

        static String describe(List<Move> moves) {
            Cast c = new Cast(moves);
            return String.join(", ", IntStream.range(0, moves.size()).mapToObj(c::move).toList());
        }
    }

    /** The host's pool (room for one connection, or none) and dial count, as the race used them. */
    static final class Pool implements HostPool {
        // A class rather than a lambda: the model checker does not look into lambdas.
        final boolean room;
        final List<Conn> offered = Collections.synchronizedList(new ArrayList<>());
        final List<Conn> pooled = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger released = new AtomicInteger();

        Pool(boolean room) {
            this.room = room;
        }

        @Override
        public boolean tryPutIdleConn(Conn conn) {
            offered.add(conn);
            synchronized (this) {
                if (!room || !pooled.isEmpty()) return false;
                pooled.add(conn);
                return true;
            }
        }

        @Override
        public void decConnsPerHost() {
            released.incrementAndGet();
        }

        long times(List<Conn> where, Conn c) {
            synchronized (where) {
                return where.stream().filter(x -> x == c).count();
            }
        }
    }

    /**
     * Whether {@code pool}, made by this grader, takes a connection: for the test that grades the
     * library's own race, whose Transport must be set up to agree.
     */
    public static boolean hasRoom(HostPool pool) {
        return ((Pool) pool).room;
    }

    /** Whether a request was found stuck in this property's run (each property runs on a thread of its own). */
    private static final ThreadLocal<Boolean> SEEN_STUCK = ThreadLocal.withInitial(() -> false);

    /** What one script did: the calls' results, the request's outcome, the pool. */
    record Run(Cast cast, Pool pool, List<Object> results, Object outcome, String stuck) {}

    /** The script, one call after another, with the request awaiting from the start. */
    static Run run(Subject subject, Script script) throws Exception {
        Cast cast = new Cast(script.moves());
        Pool pool = new Pool(script.room());
        DialRaceSlot race = subject.newRace(pool);
        Object[] outcome = new Object[1];
        Thread request = Thread.ofVirtual().start(() -> {
            try {
                outcome[0] = race.await();
            } catch (Throwable e) {
                outcome[0] = e;
            }
        });
        untilParkedOrDone(request);
        if (!request.isAlive()) {
            if (outcome[0] instanceof RuntimeException e) throw e;
            return new Run(cast, pool, List.of(), outcome[0], "await returned " + cast.name(outcome[0])
                    + " before any call settled the race: the request must wait for the first of them");
        }
        List<Object> results = new ArrayList<>();
        try {
            for (int i = 0; i < script.moves().size(); i++) results.add(cast.play(race, i));
        } finally {
            if (results.size() < script.moves().size()) request.interrupt();
        }
        boolean woken = request.join(SEEN_STUCK.get() ? PATIENCE_AFTER_STUCK : PATIENCE);
        if (!woken) {
            SEEN_STUCK.set(true);
            request.interrupt();
            return new Run(cast, pool, results, null, "the request waiting in await was never woken: it still waits "
                    + PATIENCE.toSeconds() + " s after " + cast.move(0) + " settled the race");
        }
        if (outcome[0] instanceof RuntimeException e) throw e;
        if (outcome[0] instanceof Error e) throw e;
        return new Run(cast, pool, results, outcome[0], null);
    }

    private static void untilParkedOrDone(Thread t) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) return;
            Thread.onSpinWait();
        }
    }

    // ---- property 1: the first call settles the race ----------------------------------------

    static String firstComeWins(Subject subject, Script script) throws Exception {
        Run r = run(subject, script);
        if (r.stuck() != null) return r.stuck();
        Cast cast = r.cast();
        for (int i = 0; i < r.results().size(); i++) {
            if (cast.moves.get(i) != Move.HAND_OVER) continue;
            boolean took = Boolean.TRUE.equals(r.results().get(i));
            if (i == cast.winner() && !took) {
                return cast.move(i) + " returned false, though nothing had settled the race: the waiting request takes "
                        + "the first connection handed over";
            }
            if (i != cast.winner() && took) {
                return cast.move(i) + " returned true after " + cast.move(cast.winner()) + " had settled the race: "
                        + "its giver would let go of a connection the request will never use";
            }
        }
        Object want = cast.values.get(cast.winner());
        if (r.outcome() != want) {
            return "the request's await " + (r.outcome() instanceof Throwable ? "threw " : "returned ") + cast.name(r.outcome())
                    + ", expected " + (want instanceof Throwable ? "it to throw " : "") + cast.name(want) + ": "
                    + cast.move(cast.winner()) + " came first";
        }
        return null;
    }

    // ---- property 2: where each connection ends up ------------------------------------------

    static String noConnectionLost(Subject subject, Script script) throws Exception {
        Run r = run(subject, script);
        if (r.stuck() != null) return r.stuck();
        return fates(r.cast(), r.pool(), r.results(), true);
    }

    /**
     * The rules on connections: a handed-over one is never pooled or closed by the race; the
     * dial's is the request's when it won (known when {@code dialWinnerKnown}), else pooled, or
     * closed when the pool refused it.
     */
    private static String fates(Cast cast, Pool pool, List<Object> results, boolean sequential) {
        for (int i = 0; i < cast.moves.size(); i++) {
            if (cast.moves.get(i) != Move.HAND_OVER) continue;
            Conn c = (Conn) cast.values.get(i);
            boolean took = Boolean.TRUE.equals(results.get(i));
            String owner = took ? "the request took it" : "its giver keeps it";
            if (pool.times(pool.offered, c) > 0) return c + " was handed over (" + owner + "), yet the race offered it to the pool";
            if (c.isBroken()) return c + " was handed over (" + owner + "), yet the race closed it";
        }
        int d = cast.dial();
        if (cast.moves.get(d) != Move.DIAL_CONN) return null;
        Conn c = (Conn) cast.values.get(d);
        boolean dialWon = sequential ? d == cast.winner() : results.stream().noneMatch(Boolean.TRUE::equals);
        long pooled = pool.times(pool.pooled, c);
        if (dialWon) {
            if (pool.times(pool.offered, c) > 0) return "the dial won, so " + c + " is the request's: yet it was offered to the pool";
            if (c.isBroken()) return "the dial won, so " + c + " is the request's: yet it was closed";
            return null;
        }
        String late = c + " came after " + (sequential ? cast.move(cast.winner()) : "the hand-over") + " had settled the race";
        if (pooled > 0 && c.isBroken()) return late + "; it was put in the pool and closed as well: the pool now holds a dead connection";
        if (pool.room && pooled == 0 && c.isBroken()) {
            return late + " and the pool had room, yet it was closed: a good connection thrown away (offer it with tryPutIdleConn first)";
        }
        if (pooled == 0 && !c.isBroken()) {
            return late + (pool.times(pool.offered, c) > 0
                    ? "; the pool refused it (tryPutIdleConn returned false) and it was not closed: it leaks"
                    : "; it was neither put in the pool nor closed: it is lost, an open connection nobody will use or close");
        }
        return null;
    }

    // ---- property 3: the dial's permission --------------------------------------------------

    static String permissionOnce(Subject subject, Script script) throws Exception {
        Run r = run(subject, script);
        if (r.stuck() != null) return r.stuck();
        return permission(r.cast(), r.pool(), true);
    }

    private static String permission(Cast cast, Pool pool, boolean exactly) {
        int released = pool.released.get();
        boolean failed = cast.moves.get(cast.dial()) == Move.DIAL_ERROR;
        if (!failed && released > 0) {
            return "decConnsPerHost was called " + times(released) + ", though the dial brought a connection: that "
                    + "connection's permission is given back when it is closed, by the connection itself";
        }
        if (failed && released > 1) {
            return "the dial failed and its permission was given back " + times(released) + ": the host may now dial "
                    + "more connections than MaxConnsPerHost allows";
        }
        if (failed && released == 0 && exactly) {
            return "the dial failed and its permission was never given back (decConnsPerHost): after MaxConnsPerHost "
                    + "such failures, no request to the host can dial again";
        }
        return null;
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    // ---- property 4: every interleaving of a hand-over and the dial -------------------------

    /** The race of the scenario the model checker runs: a static field, so that Lincheck sees its races. */
    private static volatile DialRaceSlot onStage;
    /** What each call of that scenario returned or threw. */
    private static volatile Object[] played;

    /** One call of the scenario, on a thread of its own. */
    private static final class Call implements Runnable {
        private final Cast cast;
        private final int move;

        Call(Cast cast, int move) {
            this.cast = cast;
            this.move = move;
        }

        @Override
        public void run() {
            DialRaceSlot slot = onStage;
            Object got;
            try {
                got = cast.play(slot, move);
            } catch (Throwable e) {
                got = e;
            }
            played[move] = got;
        }
    }

    /** The calls of {@code moves}, each on its own thread, started together; then the rules are checked. */
    private static final class Scenario implements Runnable {
        private final Subject subject;
        private final List<Move> moves;

        Scenario(Subject subject, List<Move> moves) {
            this.subject = subject;
            this.moves = moves;
        }

        @Override
        public void run() {
            // Made afresh for every run: a connection closed in one run must not look closed in the next.
            Cast cast = new Cast(moves);
            Pool pool = new Pool(true);
            onStage = subject.newRace(pool);
            played = new Object[moves.size()];
            List<Runnable> calls = new ArrayList<>();
            for (int i = 0; i < moves.size(); i++) calls.add(new Call(cast, i));
            Interleavings.together(calls);
            String broken = judgeInterleaved(cast, pool, played);
            if (broken != null) throw new AssertionError(broken);
        }
    }

    /** The rules once both calls ended; the request's await is not called, so nothing here can block. */
    private static String judgeInterleaved(Cast cast, Pool pool, Object[] results) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof Throwable e) return cast.move(i) + " threw " + e;
        }
        List<Object> rs = Arrays.asList(results);
        String broken = fates(cast, pool, rs, false);
        if (broken == null) broken = permission(cast, pool, rs.stream().anyMatch(Boolean.TRUE::equals));
        return broken;
    }

    /** The scenarios of property 4: a hand-over against a dial that brings a connection, then one that fails. */
    static final List<List<Move>> INTERLEAVED = List.of(
            List.of(Move.HAND_OVER, Move.DIAL_CONN),
            List.of(Move.HAND_OVER, Move.DIAL_ERROR));

    /** What the model checker found for a class and a scenario: its search is deterministic. */
    private static final Map<String, Optional<String>> EXPLORED = new ConcurrentHashMap<>();

    /** Forgets what the model checker found, so that the next grading searches afresh: for tests. */
    public static void forgetInterleavings() {
        EXPLORED.clear();
    }

    static String everyInterleaving(Subject subject, List<List<Move>> scenarios) throws Exception {
        String first = firstBrokenInOrder(subject);
        if (first != null) {
            return "not tried yet: a rule breaks when the calls come one after another (" + first
                    + "); the other properties show it. The interleavings are tried once those pass.";
        }
        for (List<Move> moves : scenarios) {
            warmUp(subject, moves);
            String key = subject.newRace(new Pool(true)).getClass().getName() + " " + moves;
            String broken = EXPLORED.computeIfAbsent(key, k -> Optional.ofNullable(Interleavings.explore(new Scenario(subject, moves))))
                    .orElse(null);
            if (broken != null) {
                Cast cast = new Cast(moves);
                String who = String.join(", ", IntStream.range(0, moves.size())
                        .mapToObj(i -> "thread " + (i + 1) + " calls " + cast.move(i)).toList());
                return Cast.describe(moves) + ", started together (" + who + "): " + broken;
            }
        }
        return null;
    }

    /**
     * Plays the scenario's calls one after another on this thread and judges them, so that the
     * classes the judging needs are loaded before the model checker records a run (a class loaded
     * in a recorded run but not in its replay looks to Lincheck like code that behaves differently
     * each time). The scenario itself is not run here: once its threads had run outside the
     * model checker, a student's class loaded by the grading class loader was no longer seen
     * there (Lincheck 3.7), and a race went unnoticed. The price: the classes of the scenario's
     * threads are loaded in the first recorded run, so when a student's race is found, Lincheck
     * may fail to replay it, and the report then gives the broken rule without the interleaving.
     */
    private static void warmUp(Subject subject, List<Move> moves) {
        Cast cast = new Cast(moves);
        Pool pool = new Pool(true);
        DialRaceSlot slot = subject.newRace(pool);
        Object[] results = new Object[moves.size()];
        for (int i = 0; i < moves.size(); i++) {
            try {
                results[i] = cast.play(slot, i);
            } catch (RuntimeException e) {
                results[i] = e;
            }
        }
        judgeInterleaved(cast, pool, results);
        // The messages of a broken rule, built once: their string concatenations are linked on first use.
        Object[] lost = new Object[moves.size()];
        Arrays.fill(lost, Boolean.TRUE);
        String unused = judgeInterleaved(cast, new Pool(true), lost) + new AssertionError("warm-up").getMessage();
    }

    /** Every script one after another, every rule: what property 4 expects before it starts. */
    private static String firstBrokenInOrder(Subject subject) throws Exception {
        for (Script s : SCRIPTS) {
            String broken = firstComeWins(subject, s);
            if (broken == null) broken = noConnectionLost(subject, s);
            if (broken == null) broken = permissionOnce(subject, s);
            if (broken != null) return s + ": " + broken;
        }
        return null;
    }

    /** The scenarios of property 4, as the report shows them. */
    public record Interleaved(List<List<Move>> scenarios) {
        @Override
        public String toString() {
            return String.join("; ", scenarios.stream().map(m -> Cast.describe(m) + ", started together").toList());
        }
    }

    // ---- inputs ---------------------------------------------------------------------------

    /**
     * Every script: one dial, up to two hand-overs and at most one cancel, in every order, with
     * room in the pool and without; shortest first, so the first that fails is the simplest.
     */
    static final List<Script> SCRIPTS = scripts();

    private static List<Script> scripts() {
        List<List<Move>> orders = new ArrayList<>();
        for (int size = 1; size <= 4; size++) orders.addAll(orders(List.of(), size));
        List<Script> all = new ArrayList<>();
        for (List<Move> o : orders) {
            all.add(new Script(o, true));
            all.add(new Script(o, false));
        }
        return List.copyOf(all);
    }

    private static List<List<Move>> orders(List<Move> prefix, int size) {
        if (prefix.size() == size) {
            long dials = prefix.stream().filter(m -> m == Move.DIAL_CONN || m == Move.DIAL_ERROR).count();
            return dials == 1 ? List.of(prefix) : List.of();
        }
        List<List<Move>> out = new ArrayList<>();
        for (Move m : List.of(Move.DIAL_CONN, Move.HAND_OVER, Move.DIAL_ERROR, Move.CANCEL)) {
            List<Move> next = new ArrayList<>(prefix);
            next.add(m);
            long handOvers = next.stream().filter(x -> x == Move.HAND_OVER).count();
            long cancels = next.stream().filter(x -> x == Move.CANCEL).count();
            long dials = next.stream().filter(x -> x == Move.DIAL_CONN || x == Move.DIAL_ERROR).count();
            if (handOvers <= 2 && cancels <= 1 && dials <= 1) out.addAll(orders(List.copyOf(next), size));
        }
        return out;
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("the first call settles the race",
                        "one after another, while the request awaits: the first of the dial, a hand-over and cancel wins; "
                                + "a hand-over returns true only when it came first, and await returns (or throws) what came first",
                        SCRIPTS, Generate.pick(SCRIPTS), Script::toString, DialRaceExercise::firstComeWins).atMost(20),
                Property.forAll("no connection is lost",
                        "a dial's connection that comes after the race was settled goes to the pool, or is closed when the "
                                + "pool refuses it; a connection that won, or a handed-over one, is never pooled or closed by the race",
                        SCRIPTS, Generate.pick(SCRIPTS), Script::toString, DialRaceExercise::noConnectionLost).atMost(20),
                Property.forAll("a failed dial gives its permission back once",
                        "a dial that fails calls for exactly one decConnsPerHost, whether its error won or came too late; "
                                + "a dial that brought a connection calls for none",
                        SCRIPTS, Generate.pick(SCRIPTS), Script::toString, DialRaceExercise::permissionOnce).atMost(20),
                Property.forAll("the same rules hold in every interleaving",
                        "a hand-over and the dial, each on its own thread, run under Lincheck's model checker, which tries "
                                + "their interleavings step by step: one of them wins, the loser's connection is not lost, "
                                + "a failed dial's permission is given back once",
                        Generate.constant(new Interleaved(INTERLEAVED)), Interleaved::toString,
                        (Subject s, Interleaved in) -> everyInterleaving(s, in.scenarios())).atMost(1)
                        .within(Duration.ofSeconds(90)));
    }
}
