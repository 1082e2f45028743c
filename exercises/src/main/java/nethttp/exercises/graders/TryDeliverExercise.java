package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nethttp.exercises.Conn;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 10: a request's one-shot slot for a connection, Go's {@code wantConn}, which the idle
 * pool, a dial and the request's cancellation race to settle.
 *
 * <p>The first property plays steps one after another, with a request waiting from the start,
 * and compares every answer with the reference ({@link WantConnModel}). The other two start
 * the parties one after another, then at once on virtual threads behind a barrier, many times,
 * and check invariants that hold under every interleaving: one winner, the same value for every
 * waiter, no connection lost or owned twice. A rule broken one after another is reported
 * exactly; one broken only at once is reported in words that do not depend on the interleaving,
 * which changes from run to run, so that the grader says the same thing each time.
 */
public final class TryDeliverExercise extends Exercise<TryDeliverExercise.Subject> {

    /** The slot: what the student writes, {@code exercises.WantConn}, seen by the grader. */
    public interface Slot {
        boolean waiting();

        boolean tryDeliver(Conn conn, IOException err);

        Conn await() throws IOException, InterruptedException;

        void cancel(IOException err);
    }

    /** How a slot is made: with the Transport's {@code putOrCloseIdleConn}, where cancel gives back. */
    public interface Subject {
        Slot newSlot(Consumer<Conn> putOrCloseIdleConn);
    }

    /** How long a waiter or a party may take before the grader calls it stuck. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    /** How many times each concurrent scenario is run per input. */
    static final int REPEATS = 100;
    /** How many inputs each concurrent property tries: they are few, and each is run {@link #REPEATS} times. */
    static final int RACES = 40;
    private static final String HOST = "http://a:80";

    @Override
    public String id() {
        return "10-try-deliver";
    }

    @Override
    public String title() {
        return "Delivering a connection exactly once (wantConn)";
    }

    @Override
    public String chapter() {
        return "9 The getConn race";
    }

    @Override
    public String studentFile() {
        return "WantConn.java";
    }

    @Override
    public Subject reference() {
        return WantConnModel::new;
    }

    @Override
    public Subject student() {
        return giveBack -> {
            exercises.WantConn w = new exercises.WantConn(giveBack);
            return new Slot() {
                @Override
                public boolean waiting() {
                    return w.waiting();
                }

                @Override
                public boolean tryDeliver(Conn conn, IOException err) {
                    return w.tryDeliver(conn, err);
                }

                @Override
                public Conn await() throws IOException, InterruptedException {
                    return w.await();
                }

                @Override
                public void cancel(IOException err) {
                    w.cancel(err);
                }
            };
        };
    }

    /** A party's move. Simplest first: shrinking heads for the first. */
    public enum Kind {
        /** A connection arrives, from the idle pool or a dial: {@code tryDeliver(conn, null)}. */
        CONN,
        /** A dial fails: {@code tryDeliver(null, err)}. */
        ERROR,
        /** The request is canceled: {@code cancel(err)}. */
        CANCEL,
        /** Someone asks {@code waiting()}: in the step-by-step property only. */
        WAITING
    }

    /**
     * The cast of a scenario: the connections and errors of its moves, numbered in order, made
     * afresh for every run so that no run sees another's.
     */
    static final class Cast {
        final List<Kind> moves;
        final List<Object> values = new ArrayList<>();
        final Map<Object, String> names = new IdentityHashMap<>();
        final IOException canceled = new IOException("context canceled");

        Cast(List<Kind> moves) {
            this.moves = moves;
            int conns = 0, errors = 0;
            names.put(canceled, "the cancellation's error");
            for (Kind k : moves) {
                Object v = switch (k) {
                    case CONN -> new Conn(++conns, HOST);
                    case ERROR -> new IOException("dial tcp a:80: connect: connection refused (error#" + ++errors + ")");
                    case CANCEL -> canceled;
                    case WAITING -> null;
                };
                values.add(v);
                if (v instanceof Conn c) names.put(c, c.toString());
                if (k == Kind.ERROR) names.put(v, "error#" + errors);
            }
        }

        String move(int i) {
            return switch (moves.get(i)) {
                case CONN, ERROR -> "tryDeliver(" + names.get(values.get(i)) + ")";
                case CANCEL -> "cancel";
                case WAITING -> "waiting()";
            };
        }

        boolean play(Slot slot, int i) {
            Object v = values.get(i);
            return switch (moves.get(i)) {
                case CONN -> slot.tryDeliver((Conn) v, null);
                case ERROR -> slot.tryDeliver(null, (IOException) v);
                case CANCEL -> {
                    slot.cancel(canceled);
                    yield true;
                }
                case WAITING -> slot.waiting();
            };
        }

        /** How an outcome is shown: a name from the cast, or what else it was. */
        String name(Object outcome) {
            if (outcome == null) return "null";
            String n = names.get(outcome);
            if (n != null) return n;
            if (outcome instanceof Conn) return "a connection nobody delivered";
            return outcome instanceof Throwable t ? "the exception " + t : String.valueOf(outcome);
        }

        static String describe(List<Kind> moves) {
            Cast c = new Cast(moves);
            return String.join(", ", IntStream.range(0, moves.size()).mapToObj(c::move).toList());
        }
    }

    /** What came of {@code await()}: a connection or an exception, or the thread never ended. */
    private static Object outcomeOf(Party p) {
        return p.thrown != null ? p.thrown : p.result;
    }

    /** A virtual thread doing one thing, whose result or exception is kept. */
    private static final class Party {
        final Thread thread;
        volatile Object result;
        volatile Throwable thrown;

        Party(Callable task) {
            thread = Thread.ofVirtual().unstarted(() -> {
                try {
                    result = task.call();
                } catch (Throwable e) {
                    thrown = e;
                }
            });
        }

        Party start() {
            thread.start();
            return this;
        }

        /** Waits for the end; false when it is still running after {@link #PATIENCE}. */
        boolean join() throws InterruptedException {
            return thread.join(PATIENCE);
        }

        /** The student's code failed here: the grader reports it as any other exception. */
        void rethrowUnexpected() {
            if (thrown instanceof RuntimeException e) throw e;
            if (thrown instanceof Error e) throw e;
        }
    }

    @FunctionalInterface
    private interface Callable {
        Object call() throws Exception;
    }

    /** Waits until {@code t} parks or ends, as a waiter on an unsettled slot should. */
    private static void untilParkedOrDone(Thread t) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) return;
            Thread.onSpinWait();
        }
    }

    // ---- property 1: step by step ----------------------------------------------------------

    /** Steps one after another, with a request waiting from the start; null when all agree. */
    static String stepByStep(Subject subject, List<Kind> moves) throws Exception {
        Cast cast = new Cast(moves);
        List<Conn> given = Collections.synchronizedList(new ArrayList<>());
        List<Conn> refGiven = new ArrayList<>();
        Slot slot = subject.newSlot(given::add);
        Slot ref = new WantConnModel(refGiven::add);
        Party waiter = new Party(slot::await).start();
        try {
            untilParkedOrDone(waiter.thread);
            if (!waiter.thread.isAlive()) {
                waiter.rethrowUnexpected();
                return "a request awaiting from the start: await returned " + cast.name(outcomeOf(waiter))
                        + " before anything was delivered";
            }
            boolean waiterSeen = false;
            for (int i = 0; i < moves.size(); i++) {
                String at = "step " + (i + 1) + ", " + cast.move(i);
                boolean expected = cast.play(ref, i);
                boolean got = cast.play(slot, i);
                if (moves.get(i) != Kind.CANCEL && expected != got) return "at " + at + ": expected " + expected + ", got " + got;
                if (!refGiven.equals(given)) return "after " + at + ": expected given back " + refGiven + ", got " + given;
                if (!waiterSeen && !ref.waiting()) {
                    waiterSeen = true;
                    if (!waiter.join()) return "after " + at + ": the request awaiting from the start still waits";
                    waiter.rethrowUnexpected();
                    String want = cast.name(outcome(ref));
                    String saw = cast.name(outcomeOf(waiter));
                    if (!want.equals(saw)) return "after " + at + ": the request awaiting from the start: expected " + want + ", got " + saw;
                }
            }
            if (!ref.waiting()) {
                String want = cast.name(outcome(ref));
                Party late = new Party(slot::await).start();
                if (!late.join()) return "after the last step: await waits, though the outcome is settled";
                late.rethrowUnexpected();
                String saw = cast.name(outcomeOf(late));
                if (!want.equals(saw)) return "await after the last step: expected " + want + ", got " + saw;
            }
            return null;
        } finally {
            waiter.thread.interrupt();
        }
    }

    /** The settled outcome of the reference, which never blocks here. */
    private static Object outcome(Slot settled) throws InterruptedException {
        try {
            return settled.await();
        } catch (IOException e) {
            return e;
        }
    }

    // ---- properties 2 and 3: one after another, then all at once ---------------------------

    private static final String STUCK = "stuck: ";

    /** What a race broke, in words that do not depend on which interleaving broke it. */
    private static final String RACE_ONE_WINNER = "all at once, in some of " + REPEATS + " runs: more than one "
            + "tryDeliver returned true, or a request awaiting the outcome did not get the winner's value; one after "
            + "another, all was well: checking and settling the slot are not one step";
    private static final String RACE_CANCEL = "all at once, in some of " + REPEATS + " runs: a connection was lost "
            + "or given back wrongly, or more than one tryDeliver returned true, or one returned true after cancel; "
            + "one after another, all was well: checking and settling the slot are not one step";

    /** Runs every move at once, one virtual thread each, released together by a barrier. */
    private static List<Party> allAtOnce(Slot slot, Cast cast) {
        CyclicBarrier start = new CyclicBarrier(cast.moves.size());
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < cast.moves.size(); i++) {
            int move = i;
            parties.add(new Party(() -> {
                start.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                return cast.play(slot, move);
            }).start());
        }
        return parties;
    }

    /** What each party returned, once all are done; null when one is still running after {@link #PATIENCE}. */
    private static List<Object> results(List<Party> parties) throws InterruptedException {
        List<Object> results = new ArrayList<>();
        for (Party p : parties) {
            if (!p.join()) return null;
            p.rethrowUnexpected();
            results.add(p.result);
        }
        return results;
    }

    /** Requests awaiting the outcome, each parked before this returns; null when all are. */
    private static String startWaiters(Slot slot, Cast cast, int n, List<Party> waiters) {
        for (int w = 0; w < n; w++) {
            Party p = new Party(slot::await).start();
            waiters.add(p);
            untilParkedOrDone(p.thread);
            if (!p.thread.isAlive()) {
                p.rethrowUnexpected();
                return "a request awaiting the outcome: await returned " + cast.name(outcomeOf(p))
                        + " before anything was delivered";
            }
        }
        return null;
    }

    /** Deliveries one after another, then at once, with requests waiting; null when every rule held. */
    static String oneWinner(Subject subject, Race race) throws Exception {
        Cast cast = new Cast(race.moves());
        List<Conn> given = Collections.synchronizedList(new ArrayList<>());
        Slot slot = subject.newSlot(given::add);
        List<Party> waiters = new ArrayList<>();
        try {
            String broken = startWaiters(slot, cast, race.waiters(), waiters);
            if (broken != null) return "one after another: " + broken;
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < race.moves().size(); i++) {
                results.add(cast.play(slot, i));
                if (i > 0 && Boolean.TRUE.equals(results.get(i))) {
                    return "one after another: " + cast.move(i) + " returned true after " + cast.move(0) + " had settled the outcome";
                }
            }
            broken = judgeOneWinner(slot, cast, results, waiters, given);
            if (broken != null) return "one after another: " + broken;
        } finally {
            waiters.forEach(w -> w.thread.interrupt());
        }
        for (int run = 0; run < REPEATS; run++) {
            Cast c = new Cast(race.moves());
            List<Conn> back = Collections.synchronizedList(new ArrayList<>());
            Slot s = subject.newSlot(back::add);
            List<Party> ws = new ArrayList<>();
            for (int w = 0; w < race.waiters(); w++) ws.add(new Party(s::await).start());
            try {
                List<Object> results = results(allAtOnce(s, c));
                if (results == null) return "all at once: " + STUCK + "a tryDeliver did not return within " + PATIENCE.toSeconds() + "s";
                String broken = judgeOneWinner(s, c, results, ws, back);
                if (broken != null) return broken.startsWith(STUCK) ? "all at once: " + broken : RACE_ONE_WINNER;
            } finally {
                ws.forEach(w -> w.thread.interrupt());
            }
        }
        return null;
    }

    private static String judgeOneWinner(Slot slot, Cast cast, List<Object> results, List<Party> waiters,
            List<Conn> given) throws InterruptedException {
        Object won = null;
        int wins = 0;
        for (int i = 0; i < results.size(); i++) {
            if (Boolean.TRUE.equals(results.get(i))) {
                wins++;
                won = cast.values.get(i);
            }
        }
        if (wins == 0) return "every tryDeliver returned false: expected exactly one to return true";
        if (wins > 1) return "more than one tryDeliver returned true: expected exactly one";
        for (Party w : waiters) {
            if (!w.join()) return STUCK + "a request awaiting the outcome still waits after a tryDeliver returned true";
            w.rethrowUnexpected();
            if (outcomeOf(w) != won) {
                return "a request awaiting the outcome got " + cast.name(outcomeOf(w)) + ", though " + cast.name(won)
                        + " was delivered";
            }
        }
        if (!given.isEmpty()) return "a connection was given back, though nobody canceled";
        if (slot.waiting()) return "waiting() is true after a tryDeliver returned true";
        return null;
    }

    /**
     * Deliveries and a cancel: one after another with the cancel in every place, then all at
     * once; null when no connection was lost.
     */
    static String cancelRace(Subject subject, Race race) throws Exception {
        for (int at = 0; at <= race.moves().size(); at++) {
            Cast ordered = new Cast(withCancelAt(race.moves(), at));
            List<Conn> given = Collections.synchronizedList(new ArrayList<>());
            Slot slot = subject.newSlot(given::add);
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < ordered.moves.size(); i++) results.add(ordered.play(slot, i));
            String broken = judgeCancel(slot, ordered, results, given);
            if (broken != null) return "one after another, " + Cast.describe(ordered.moves) + ": " + broken;
        }
        for (int run = 0; run < REPEATS; run++) {
            // The cancel starts first, so that a delivery reaches the barrier last and runs at once,
            // while the cancel and the other deliveries are still waking up: the likeliest overlap.
            Cast cast = new Cast(withCancelAt(race.moves(), 0));
            List<Conn> back = Collections.synchronizedList(new ArrayList<>());
            Slot s = subject.newSlot(back::add);
            List<Object> got = results(allAtOnce(s, cast));
            if (got == null) return "all at once: " + STUCK + "a call did not return within " + PATIENCE.toSeconds() + "s";
            String broken = judgeCancel(s, cast, got, back);
            if (broken != null) return broken.startsWith(STUCK) ? "all at once: " + broken : RACE_CANCEL;
        }
        return null;
    }

    private static List<Kind> withCancelAt(List<Kind> deliveries, int at) {
        List<Kind> moves = new ArrayList<>(deliveries);
        moves.add(at, Kind.CANCEL);
        return List.copyOf(moves);
    }

    private static String judgeCancel(Slot slot, Cast cast, List<Object> results, List<Conn> given) throws InterruptedException {
        int wins = 0;
        for (int i = 0; i < results.size(); i++) {
            if (cast.moves.get(i) != Kind.CANCEL && Boolean.TRUE.equals(results.get(i))) wins++;
        }
        if (wins > 1) return "more than one tryDeliver returned true: expected one at most";
        for (int i = 0; i < results.size(); i++) {
            if (cast.moves.get(i) == Kind.CONN && Boolean.TRUE.equals(results.get(i)) && !given.contains(cast.values.get(i))) {
                return "a connection delivered (its tryDeliver returned true) was lost: cancel did not give it back";
            }
        }
        for (int i = 0; i < results.size(); i++) {
            if (cast.moves.get(i) == Kind.CONN && Boolean.FALSE.equals(results.get(i)) && given.contains(cast.values.get(i))) {
                return "cancel gave back a connection whose tryDeliver returned false: its owner keeps it, so it is owned twice";
            }
        }
        if (given.size() > wins) return "cancel gave back more connections than were delivered";
        if (slot.waiting()) return "waiting() is true after cancel";
        Conn late = new Conn(99, HOST);
        if (slot.tryDeliver(late, null)) return "a tryDeliver after cancel returned true: that connection would be lost";
        Party after = new Party(slot::await).start();
        if (!after.join()) return STUCK + "await after cancel still waits";
        after.rethrowUnexpected();
        if (outcomeOf(after) != cast.canceled) {
            Object o = outcomeOf(after);
            return "await after cancel: expected the cancellation's error, got "
                    + (o instanceof Conn ? "a connection" : o instanceof IOException ? "another error" : cast.name(o));
        }
        return null;
    }

    // ---- inputs ---------------------------------------------------------------------------

    /** Moves made at once, and how many requests await the outcome meanwhile. */
    public record Race(List<Kind> moves, int waiters) {
        @Override
        public String toString() {
            return "one after another, then all at once: " + Cast.describe(moves) + (waiters == 0 ? "" : "; " + waiters + " request"
                    + (waiters == 1 ? "" : "s") + " awaiting the outcome");
        }
    }

    /** Steps taken one after another. */
    public record Steps(List<Kind> moves) {
        @Override
        public String toString() {
            return "a request awaits; then " + Cast.describe(moves);
        }
    }

    private static final List<Kind> DELIVERIES = List.of(Kind.CONN, Kind.CONN, Kind.ERROR);

    private static Gen<Steps> steps() {
        return lists().of(Generate.pick(List.of(Kind.CONN, Kind.ERROR, Kind.CANCEL, Kind.WAITING, Kind.CONN, Kind.CANCEL)))
                .ofSizeBetween(1, 6).map(Steps::new);
    }

    private static Gen<Race> deliveries() {
        return lists().of(Generate.pick(DELIVERIES)).ofSizeBetween(2, 6).zip(integers().between(1, 3), Race::new);
    }

    /** Two deliveries at least: with one, a racy slot would break a rule too seldom to be told apart every time. */
    private static Gen<Race> withCancel() {
        return lists().of(Generate.pick(DELIVERIES)).ofSizeBetween(2, 4).map(ds -> new Race(List.copyOf(ds), 0));
    }

    private static Stream<Steps> shorterSteps(Steps s) {
        return IntStream.range(0, s.moves().size()).filter(i -> s.moves().size() > 1)
                .mapToObj(i -> new Steps(without(s.moves(), i)));
    }

    private static Stream<Race> smallerRace(Race r, int minMoves) {
        Stream<Race> fewerWaiters = r.waiters() > 1 ? Stream.of(new Race(r.moves(), r.waiters() - 1)) : Stream.empty();
        Stream<Race> fewerMoves = IntStream.range(0, r.moves().size())
                .filter(i -> r.moves().size() > minMoves && r.moves().get(i) != Kind.CANCEL)
                .mapToObj(i -> new Race(without(r.moves(), i), r.waiters()));
        return Stream.concat(fewerWaiters, fewerMoves);
    }

    private static List<Kind> without(List<Kind> moves, int i) {
        List<Kind> fewer = new ArrayList<>(moves);
        fewer.remove(i);
        return List.copyOf(fewer);
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("settled once, step by step",
                        "one after another: the first tryDeliver or cancel settles the outcome, later tryDeliver "
                                + "calls return false, the waiting request wakes with what settled it, cancel gives "
                                + "back a delivered connection; as the Transport's wantConn",
                        steps(), Steps::toString, (s, st) -> stepByStep(s, st.moves()), TryDeliverExercise::shorterSteps),
                Property.forAll("exactly one of many concurrent deliveries wins",
                        "deliveries one after another, then started at once (" + REPEATS + " times): exactly one "
                                + "tryDeliver returns true, and every waiting request gets its connection or error",
                        deliveries(), Race::toString, TryDeliverExercise::oneWinner, r -> smallerRace(r, 2)).atMost(RACES),
                Property.forAll("cancel racing deliveries loses no connection",
                        "deliveries and a cancel, one after another in every order and at once: a connection delivered before cancel is "
                                + "given back once, one whose tryDeliver returned false is not, deliveries after "
                                + "cancel return false, await then throws the cancellation's error",
                        withCancel(), r -> Cast.describe(r.moves()) + " and a cancel: one after another, the cancel "
                                + "in every place, then all at once",
                        TryDeliverExercise::cancelRace, r -> smallerRace(r, 2)).atMost(RACES));
    }
}
