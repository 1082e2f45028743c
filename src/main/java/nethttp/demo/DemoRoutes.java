package nethttp.demo;

import nethttp.core.Handler;

/** The demo server's routes. STUB: filled in with the server. */
public final class DemoRoutes {
    private DemoRoutes() {}

    /** The handler behind the demo server: "/", "/echo", "/stream" and "/slow". */
    public static Handler handler() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
