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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nethttp.exercises.Conn;
import nethttp.exercises.ConnSlot;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 10: a request's one-shot slot for a connection, Go's {@code wantConn}, which the idle
 * pool, a dial and the request's cancellation race to settle.
 *
 * <p>The first three properties play calls one after another (with requests awaiting the
 * outcome on virtual threads) and compare with the reference ({@link WantConnModel}); a rule
 * broken in some order of whole calls is reported exactly. The fourth runs small scenarios of
 * concurrent calls, a delivery against a cancel, under a model checker that
 * tries their interleavings one step at a time: a check of the slot and its change that are not
 * one step are caught in every run, and the report shows the interleaving that broke the rule.
 *
 * <p>Why a model checker, and why Lincheck. Running the calls "at once" many times, as this
 * grader did before, let a racy {@code cancel} (one that reads the slot before taking the lock,
 * or takes another lock than {@code tryDeliver}) pass some runs and fail others with the same
 * seed: the scheduler, not the grader, decided. Two controlled-concurrency testers for the JVM
 * are on Maven Central. Fray ({@code org.pastalab.fray}, 0.9.2) runs the whole JVM on an
 * instrumented copy of the JDK, built by its Maven or Gradle plugin from a JDK 25 exactly
 * (downloaded unless one is named), plus a native agent: that does not fit a grader started
 * with plain {@code java} on whichever JDK 21 or later the build picked. Lincheck
 * ({@code org.jetbrains.lincheck:lincheck}, 3.7) is a library: {@code runConcurrentTest} attaches
 * its agent to the running JVM, explores interleavings of ordinary threads deterministically and
 * prints the failing one. It works on the JDK 25 here with two limits, which
 * {@link Interleavings} works around: it sees races only on objects reached through a static
 * field, and a thread parked in a JDK latch inside the scenario hangs it, so the scenarios make
 * no blocking call (the waiters are checked by the properties that run one call after another).
 */
public final class TryDeliverExercise extends Exercise<TryDeliverExercise.Subject> {

    /**
     * A slot written for the grader's own tests (the reference, the chaffs). The student's
     * {@code exercises.WantConn} implements {@link ConnSlot} directly: the model checker sees the
     * races of the object it calls, not of an object behind an adapter (see {@link Interleavings}).
     */
    public interface Slot extends ConnSlot {}

    /** How a slot is made: with the Transport's {@code putOrCloseIdleConn}, where cancel gives back. */
    public interface Subject {
        ConnSlot newSlot(Consumer<Conn> putOrCloseIdleConn);
    }

    /** How long a waiter or a party may take before the grader calls it stuck, whatever it is doing. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    /**
     * How long a waiter may stay parked, without once running, after the outcome was settled
     * before the grader calls it never woken. A waiter that is woken leaves the parked state at
     * once (the call that settles the outcome wakes it before it returns), so this need not be
     * long.
     */
    static final Duration PARKED_FOR_GOOD = Duration.ofSeconds(1);
    /** The same, once a waiter of this property's run was found never woken: shrinking then goes fast. */
    static final Duration PATIENCE_AFTER_STUCK = Duration.ofMillis(300);
    /** How many inputs each property of calls one after another tries: they are few. */
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
        return exercises.WantConn::new;
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

        boolean play(ConnSlot slot, int i) {
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

    /** Whether a thread was found stuck in this property's run (each property runs on a thread of its own). */
    private static final ThreadLocal<Boolean> SEEN_STUCK = ThreadLocal.withInitial(() -> false);

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

        /**
         * Waits for the end, called once the outcome is settled; false when the thread stayed
         * parked ({@code WAITING}) for {@link #PARKED_FOR_GOOD} on end, or for
         * {@link #PATIENCE_AFTER_STUCK} once a thread of this property's run was found stuck (so
         * that shrinking a stuck input goes fast), or is still running after {@link #PATIENCE}.
         * A thread that runs, waits for a monitor or sleeps in between is at work, and its
         * parked time starts over.
         */
        boolean join() throws InterruptedException {
            long parkedLimit = (SEEN_STUCK.get() ? PATIENCE_AFTER_STUCK : PARKED_FOR_GOOD).toNanos();
            long start = System.nanoTime();
            long parkedSince = start;
            while (!thread.join(Duration.ofMillis(2))) {
                long now = System.nanoTime();
                if (thread.getState() != Thread.State.WAITING) parkedSince = now;
                if (now - parkedSince >= parkedLimit || now - start >= PATIENCE.toNanos()) {
                    SEEN_STUCK.set(true);
                    return false;
                }
            }
            return true;
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
        ConnSlot slot = subject.newSlot(given::add);
        ConnSlot ref = new WantConnModel(refGiven::add);
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
                    if (!waiter.join()) return "after " + at + ": " + NEVER_WOKEN;
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
    private static Object outcome(ConnSlot settled) throws InterruptedException {
        try {
            return settled.await();
        } catch (IOException e) {
            return e;
        }
    }

    // ---- properties 2 and 3: one after another ----------------------------------------------

    private static final String NEVER_WOKEN = "a request awaiting the outcome was never woken: its await still "
            + "waits after the outcome was settled";

    /** Requests awaiting the outcome, each parked before this returns; null when all are. */
    private static String startWaiters(ConnSlot slot, Cast cast, int n, List<Party> waiters) {
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

    /** Deliveries one after another, with requests waiting; null when every rule held. */
    static String oneWinner(Subject subject, Race race) throws Exception {
        Cast cast = new Cast(race.moves());
        List<Conn> given = Collections.synchronizedList(new ArrayList<>());
        ConnSlot slot = subject.newSlot(given::add);
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
        return null;
    }

    private static String judgeOneWinner(ConnSlot slot, Cast cast, List<Object> results, List<Party> waiters,
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
            if (!w.join()) return NEVER_WOKEN;
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
     * Deliveries and a cancel, one after another with the cancel in every place; null when no
     * connection was lost.
     */
    static String cancelRace(Subject subject, Race race) throws Exception {
        for (int at = 0; at <= race.moves().size(); at++) {
            Cast ordered = new Cast(withCancelAt(race.moves(), at));
            List<Conn> given = Collections.synchronizedList(new ArrayList<>());
            ConnSlot slot = subject.newSlot(given::add);
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < ordered.moves.size(); i++) results.add(ordered.play(slot, i));
            String broken = judgeCancel(slot, ordered, results, given);
            if (broken != null) return "one after another, " + Cast.describe(ordered.moves) + ": " + broken;
        }
        return null;
    }

    private static List<Kind> withCancelAt(List<Kind> deliveries, int at) {
        List<Kind> moves = new ArrayList<>(deliveries);
        moves.add(at, Kind.CANCEL);
        return List.copyOf(moves);
    }

    private static String judgeCancel(ConnSlot slot, Cast cast, List<Object> results, List<Conn> given) throws InterruptedException {
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
        if (!after.join()) return "await after cancel was never woken: it still waits, though cancel settled the outcome";
        after.rethrowUnexpected();
        if (outcomeOf(after) != cast.canceled) {
            Object o = outcomeOf(after);
            return "await after cancel: expected the cancellation's error, got "
                    + (o instanceof Conn ? "a connection" : o instanceof IOException ? "another error" : cast.name(o));
        }
        return null;
    }

    // ---- property 4: every interleaving of a few concurrent calls ---------------------------

    /** The slot of the scenario the model checker runs: a static field, so that Lincheck sees its races. */
    private static volatile ConnSlot onStage;
    /** What each call of that scenario returned (a Boolean) or threw. */
    private static volatile Object[] played;

    /** Where a cancel gives back, as a class rather than a lambda, which Lincheck cannot look into. */
    private static final class GivenBack implements Consumer<Conn> {
        final List<Conn> conns = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(Conn c) {
            conns.add(c);
        }
    }

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
            ConnSlot slot = onStage;
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
        // A class, not a record: Lincheck cannot look into a record's fields.
        private final Subject subject;
        private final List<Kind> moves;
        // Made once, outside the recorded runs: its names are kept by identity hash, which a
        // replay of a run would not see again.
        private final Cast cast;

        Scenario(Subject subject, List<Kind> moves) {
            this.subject = subject;
            this.moves = moves;
            this.cast = new Cast(moves);
        }

        @Override
        public void run() {
            GivenBack given = new GivenBack();
            onStage = subject.newSlot(given);
            played = new Object[moves.size()];
            List<Runnable> calls = new ArrayList<>();
            for (int i = 0; i < moves.size(); i++) calls.add(new Call(cast, i));
            Interleavings.together(calls);
            String broken = judgeInterleaved(onStage, cast, played, given.conns);
            if (broken != null) throw new AssertionError(broken);
        }
    }

    /** The scenarios of property 4, smallest first: each one's calls start together. */
    static final List<List<Kind>> INTERLEAVED = List.of(List.of(Kind.CONN, Kind.CANCEL));

    /**
     * What the model checker found for a slot class and a scenario, kept for the rest of the run:
     * its search is deterministic, so the same class gets the same answer, and the graders' own
     * tests, which grade each chaff under several seeds, need not search again.
     */
    private static final Map<String, Optional<String>> EXPLORED = new ConcurrentHashMap<>();

    /** Forgets what the model checker found, so that the next grading searches afresh: for tests. */
    public static void forgetInterleavings() {
        EXPLORED.clear();
    }

    /**
     * Every scenario under the model checker; null when each held in every interleaving tried.
     * The model checker runs only once whole calls one after another keep the rules: a slot that
     * breaks them is reported by the other properties, and one whose {@code await} or
     * {@code cancel} blocks for good would stall the model checker, which does not see a thread
     * parked in the JDK's latches.
     */
    static String everyInterleaving(Subject subject, List<List<Kind>> scenarios) throws Exception {
        String first = firstBrokenInOrder(subject);
        if (first != null) {
            return "not tried yet: a rule breaks when the calls come one after another (" + first
                    + "); the other properties show it. The interleavings are tried once those pass.";
        }
        for (List<Kind> moves : scenarios) {
            // One plain run first, so that every class the scenario needs is loaded before the
            // model checker records a run: loading a class in the first recorded run but not in
            // its replay would look to Lincheck like code that behaves differently each time.
            try {
                new Scenario(subject, moves).run();
            } catch (AssertionError e) {
                // the model checker finds it again, with its interleaving
            }
            String key = subject.newSlot(new GivenBack()).getClass().getName() + " " + moves;
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

    /** The calls of the scenarios, one after another: what property 4 expects to hold before it starts. */
    private static String firstBrokenInOrder(Subject subject) throws Exception {
        String broken = stepByStep(subject, List.of(Kind.CONN, Kind.CONN, Kind.CANCEL));
        if (broken == null) broken = stepByStep(subject, List.of(Kind.CANCEL, Kind.CONN, Kind.WAITING));
        if (broken == null) broken = oneWinner(subject, new Race(List.of(Kind.CONN, Kind.CONN), 1));
        if (broken == null) broken = cancelRace(subject, new Race(List.of(Kind.CONN, Kind.CONN), 0));
        return broken;
    }

    /** The rules after the calls of one interleaving ended; no call here may block. */
    private static String judgeInterleaved(ConnSlot slot, Cast cast, Object[] results, List<Conn> given) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof Throwable e) return cast.move(i) + " threw " + e;
        }
        boolean canceled = cast.moves.contains(Kind.CANCEL);
        int wins = 0;
        for (int i = 0; i < results.length; i++) {
            if (cast.moves.get(i) != Kind.CANCEL && Boolean.TRUE.equals(results[i])) wins++;
        }
        if (wins > 1) return "more than one tryDeliver returned true";
        if (!canceled && wins == 0) return "every tryDeliver returned false: expected exactly one to return true";
        for (int i = 0; i < results.length; i++) {
            if (cast.moves.get(i) != Kind.CONN) continue;
            Conn c = (Conn) cast.values.get(i);
            long times = given.stream().filter(g -> g == c).count();
            boolean delivered = Boolean.TRUE.equals(results[i]);
            if (canceled && delivered && times == 0) {
                return c + " was delivered (its tryDeliver returned true) but cancel did not give it back: it is lost";
            }
            if (times > 1) return "cancel gave " + c + " back " + times + " times";
            if (!delivered && times > 0) {
                return "cancel gave back " + c + ", whose tryDeliver returned false: its owner keeps it, so it is owned twice";
            }
        }
        if (!canceled && !given.isEmpty()) return "a connection was given back, though nobody canceled";
        if (slot.waiting()) return "waiting() is true after every call ended";
        if (canceled && slot.tryDeliver(new Conn(99, HOST), null)) {
            return "a tryDeliver after cancel returned true: that connection would be lost";
        }
        return null;
    }

    /** The scenarios of property 4, as the report shows them. */
    public record Interleaved(List<List<Kind>> scenarios) {
        @Override
        public String toString() {
            return String.join("; ", scenarios.stream().map(m -> Cast.describe(m) + ", started together").toList());
        }
    }

    // ---- inputs ---------------------------------------------------------------------------

    /** Moves made one after another, and how many requests await the outcome meanwhile. */
    public record Race(List<Kind> moves, int waiters) {
        @Override
        public String toString() {
            return "one after another: " + Cast.describe(moves) + (waiters == 0 ? "" : "; " + waiters + " request"
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
                Property.forAll("exactly one delivery wins, one after another",
                        "deliveries one after another while requests await: the first tryDeliver returns true, "
                                + "every later one false, and every awaiting request gets the first one's connection or error",
                        deliveries(), Race::toString, TryDeliverExercise::oneWinner, r -> smallerRace(r, 2)).atMost(RACES),
                Property.forAll("cancel loses no connection, in every order of whole calls",
                        "deliveries and a cancel, one after another in every order: a connection delivered before cancel is "
                                + "given back once, one whose tryDeliver returned false is not, deliveries after "
                                + "cancel return false, await then throws the cancellation's error",
                        withCancel(), r -> Cast.describe(r.moves()) + " and a cancel, one after another, the cancel "
                                + "in every place",
                        TryDeliverExercise::cancelRace, r -> smallerRace(r, 2)).atMost(RACES),
                Property.forAll("the same rules hold in every interleaving",
                        "a delivery and a cancel, each on its own thread, run under Lincheck's "
                                + "model checker, which tries their interleavings step by step: no connection is lost, "
                                + "one tryDeliver at most wins, and the outcome is settled",
                        Generate.constant(new Interleaved(INTERLEAVED)), Interleaved::toString,
                        (Subject s, Interleaved in) -> everyInterleaving(s, in.scenarios())).atMost(1)
                        .within(Duration.ofSeconds(90)));
    }
}
