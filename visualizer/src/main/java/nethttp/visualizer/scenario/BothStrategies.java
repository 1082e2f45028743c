package nethttp.visualizer.scenario;

import java.util.List;
import nethttp.transport.GetConnStrategy;

/**
 * Go 1.12's and Go 1.13's getConn side by side: two transports against the same server, with
 * held dials, driven through the same steps in lockstep, so that their lanes line up one above
 * the other.
 */
final class BothStrategies {
    static final String GO_1_12 = "go1.12";
    static final String GO_1_13 = "go1.13";

    private BothStrategies() {}

    static List<ClientSide> sides(ScenarioRun run) {
        return List.of(run.client(GO_1_12, GetConnStrategy.GO_1_12, true), run.client(GO_1_13, GetConnStrategy.GO_1_13, true));
    }
}
