package nethttp.visualizer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import nethttp.event.ClientTraceEvent;
import nethttp.visualizer.model.Describe;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Recording;
import org.junit.jupiter.api.Test;

/** The client scenarios, run for real with the library's Transport, tell the stories they promise. */
class ClientScenariosTest {

    private static Recording record(String id) throws Exception {
        Recording rec = Scenarios.byId(id).orElseThrow().record(h -> {});
        if (System.getProperty("visualizer.dump") != null) {
            long t0 = rec.happenings().get(0).nanos();
            rec.happenings().forEach(h -> System.out.println(Describe.line(h, t0)));
        }
        return rec;
    }

    @Test
    void dump() throws Exception {
        record(System.getProperty("visualizer.scenario", "race-idle-wins"));
    }
}
