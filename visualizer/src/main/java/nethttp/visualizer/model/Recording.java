package nethttp.visualizer.model;

import java.util.List;

/**
 * A finished run: the scenario's name and everything that happened, in the order it was
 * recorded. Replaying it means computing view states from these happenings alone.
 */
public record Recording(String scenario, List<Happening> happenings) {
    public Recording {
        happenings = List.copyOf(happenings);
    }
}
