package nethttp.visualizer.scenario;

import java.util.List;
import java.util.Optional;

/** The scenarios the app offers, in the order it lists them. */
public final class Scenarios {
    private Scenarios() {}

    public static final List<Scenario> ALL = List.of(
            new KeepAliveScenario(),
            new SlowlorisScenario(),
            new ExpectContinueScenario(),
            new PipeliningScenario(),
            new GracefulShutdownScenario(),
            new HandlerThrowsScenario(),
            new IdleBeatsDialScenario(),
            new DialWinsScenario(),
            new MaxConnsPerHostScenario());

    /** The scenario called {@code id}, if any. */
    public static Optional<Scenario> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
