package nethttp.visualizer.model;

import java.util.List;
import java.util.Map;

/** Lets tests of other packages parse an export the way {@link ChromeTraceTest} does. */
public final class ChromeTraceAccess {
    private ChromeTraceAccess() {}

    public static List<Map<String, Object>> export(Model m) throws Exception {
        return ChromeTraceTest.export(m);
    }
}
