package nethttp.visualizer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A recording as it grows, and the view state at any position in it.
 *
 * <p>Event sourcing: the happenings are the only truth; {@link #stateAt(int)} replays them from
 * the nearest stored snapshot (one every {@value #SNAPSHOT_EVERY} happenings), so any position of
 * a long recording is reached after at most that many steps, forwards or backwards.
 *
 * <p>Not thread-safe: the application appends and reads on the JavaFX thread.
 */
public final class Model {
    /** How many happenings lie between two stored snapshots. */
    public static final int SNAPSHOT_EVERY = 64;

    private final String scenario;
    private final List<Happening> happenings = new ArrayList<>();
    private final List<ViewState> snapshots = new ArrayList<>();
    private final StateBuilder tip;
    private final Lanes lanes = new Lanes();

    public Model(String scenario) {
        this.scenario = scenario;
        ViewState empty = StateBuilder.empty();
        snapshots.add(empty);
        tip = StateBuilder.from(empty);
    }

    /** A model holding all of {@code rec}. */
    public static Model of(Recording rec) {
        Model m = new Model(rec.scenario());
        rec.happenings().forEach(m::append);
        return m;
    }

    /** Adds the next happening. */
    public void append(Happening h) {
        lanes.add(happenings.size(), h);
        happenings.add(h);
        tip.apply(h);
        if (happenings.size() % SNAPSHOT_EVERY == 0) snapshots.add(tip.build());
    }

    /** The state after the first {@code position} happenings (0 to {@link #size()}). */
    public ViewState stateAt(int position) {
        if (position < 0 || position > happenings.size()) {
            throw new IndexOutOfBoundsException("position " + position + " outside 0.." + happenings.size());
        }
        int base = position / SNAPSHOT_EVERY;
        StateBuilder b = StateBuilder.from(snapshots.get(base));
        for (int i = base * SNAPSHOT_EVERY; i < position; i++) b.apply(happenings.get(i));
        return b.build();
    }

    public int size() {
        return happenings.size();
    }

    public Happening get(int index) {
        return happenings.get(index);
    }

    public List<Happening> happenings() {
        return Collections.unmodifiableList(happenings);
    }

    public String scenario() {
        return scenario;
    }

    public Lanes lanes() {
        return lanes;
    }

    /** The time of the first happening, the zero of every clock shown. */
    public long startNanos() {
        return happenings.isEmpty() ? 0 : happenings.get(0).nanos();
    }

    /** Everything recorded so far, to save. */
    public Recording toRecording() {
        return new Recording(scenario, happenings);
    }
}
