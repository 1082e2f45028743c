package nethttp.differential;

import nethttp.core.Handler;
import nethttp.core.Replies;
import nethttp.core.Status;
import nethttp.demo.DemoRoutes;
import nethttp.demo.EchoHandler;
import nethttp.mux.ServeMux;
import nethttp.server.Server;

/**
 * The routes the differential suite serves: the demo routes, plus three that put the reply
 * helpers to work on a request's own bytes, as the Go echo server's {@code errorPage},
 * {@code redirect} and {@code AllowQuerySemicolons(echo)} do, and {@code /header-text}, which
 * sets header and trailer values from text and from the request's bytes, as its
 * {@code headerText} does.
 */
final class DifferentialRoutes {
    private DifferentialRoutes() {}

    static Handler handler() {
        ServeMux mux = new ServeMux();
        DemoRoutes.register(mux);
        mux.handleFunc("/error/", (w, r) -> Replies.error(w, "no such page: " + r.url.path, Status.NOT_FOUND));
        mux.handleFunc("/redirect", (w, r) -> Replies.redirect(w, r, r.url.rawQuery, Status.FOUND));
        mux.handle("/semicolons", Server.allowQuerySemicolons(new EchoHandler()));
        mux.handleFunc("/header-text", (w, r) -> {
            w.header().set("Trailer", "X-Trailer-Echo, X-Trailer-Text");
            w.header().set("X-Echo", r.header.get("X-In"));
            w.header().set("X-Text", "h\u00e9llo \u2603");
            w.writeString("body\n");
            w.header().set("X-Trailer-Echo", r.header.get("X-In"));
            w.header().set("X-Trailer-Text", "\u2603 caf\u00e9");
        });
        return mux;
    }
}
