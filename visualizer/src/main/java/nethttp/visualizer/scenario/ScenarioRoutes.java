package nethttp.visualizer.scenario;

import nethttp.core.Handler;
import nethttp.demo.DemoRoutes;
import nethttp.mux.ServeMux;

/** The embedded server's routes: the demo server's, plus one handler that throws. */
final class ScenarioRoutes {
    private ScenarioRoutes() {}

    static Handler handler() {
        ServeMux mux = new ServeMux();
        mux.handle("/", DemoRoutes.handler());
        mux.handleFunc("/boom", (w, r) -> {
            throw new IllegalStateException("boom: the handler failed");
        });
        return mux;
    }
}
