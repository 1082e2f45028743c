package nethttp.visualizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nethttp.visualizer.scenario.Scenarios;
import org.junit.jupiter.api.Test;

class ChromeTraceTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> export(Model m) throws Exception {
        StringWriter w = new StringWriter();
        ChromeTrace.write(m, w);
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(w.toString());
        return (List<Map<String, Object>>) root.get("traceEvents");
    }

    @Test
    void everyEventHasTheFieldsItsPhaseNeeds() throws Exception {
        Model m = Model.of(Scenarios.byId("graceful-shutdown").orElseThrow().record(h -> {}));
        List<Map<String, Object>> events = export(m);
        assertTrue(events.size() > 20, "events: " + events.size());
        for (Map<String, Object> e : events) {
            String ph = (String) e.get("ph");
            assertTrue(Set.of("X", "i", "M").contains(ph), "phase " + ph);
            assertInstanceOf(String.class, e.get("name"));
            assertInstanceOf(Double.class, e.get("pid"));
            assertInstanceOf(Double.class, e.get("tid"));
            assertInstanceOf(Map.class, e.get("args"));
            if (!ph.equals("M")) assertTrue((Double) e.get("ts") >= 0, "ts of " + e);
            if (ph.equals("X")) assertTrue((Double) e.get("dur") >= 0, "dur of " + e);
            if (ph.equals("i")) assertTrue(Set.of("t", "g").contains(e.get("s")), "scope of " + e);
        }
        long names = events.stream().filter(e -> e.get("name").equals("thread_name")).count();
        assertEquals(m.lanes().all().size(), names, "one named track per lane");
        assertTrue(events.stream().anyMatch(e -> e.get("ph").equals("X") && e.get("name").equals("idle")));
        assertTrue(events.stream().anyMatch(e -> e.get("ph").equals("X") && e.get("name").equals("parked: accept")));
        assertTrue(events.stream().anyMatch(e -> e.get("ph").equals("i")
                && ((String) e.get("name")).startsWith("request read: GET /slow")));
    }

    @Test
    void spansFollowTheLanesInTime() throws Exception {
        Model m = Model.of(Synthetic.servers(1, 1));
        List<Map<String, Object>> conn = export(m).stream()
                .filter(e -> e.get("ph").equals("X") && e.get("pid").equals(2.0)).toList();
        assertEquals(List.of("new", "active", "idle"), conn.stream().map(e -> e.get("name")).toList());
        // Synthetic times are one nanosecond apart: the first at 1000, NEW at 1001,
        // ACTIVE at 1005, IDLE at 1013, CLOSED at 1015.
        assertEquals(List.of(0.001, 0.005, 0.013), conn.stream().map(e -> e.get("ts")).toList());
        assertEquals(List.of(0.004, 0.008, 0.002), conn.stream().map(e -> e.get("dur")).toList());
    }

    @Test
    void stringsAreEscapedForJson() {
        assertEquals("\"a\\\"b\\\\c\\r\\n\\u0001\\u00e9\"", ChromeTrace.str("a\"b\\c\r\n\u0001é"));
        assertEquals("a\"b\\c\r\n\u0001é", MiniJson.parse(ChromeTrace.str("a\"b\\c\r\n\u0001é")));
    }
}
