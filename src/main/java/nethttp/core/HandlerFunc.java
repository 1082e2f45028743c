package nethttp.core;

import nethttp.annotations.Mirrors;

/**
 * An adapter that lets an ordinary method be used as a {@link Handler}.
 *
 * <p>In Go, {@code HandlerFunc(f)} turns a function into a value with a {@code ServeHTTP}
 * method. In Java a lambda already is a {@code Handler}, so this type exists to keep the names
 * aligned: {@code mux.handleFunc("/", (w, r) -> ...)} reads like Go's {@code HandleFunc}.
 */
// tag::handler-func[]
@FunctionalInterface
@Mirrors(file = "net/http/server.go", func = "HandlerFunc")
public interface HandlerFunc extends Handler {
    void apply(ResponseWriter w, Request r) throws Exception;

    @Override
    @Mirrors(file = "net/http/server.go", func = "HandlerFunc.ServeHTTP")
    default void serveHTTP(ResponseWriter w, Request r) throws Exception {
        apply(w, r);
    }
}
// end::handler-func[]
