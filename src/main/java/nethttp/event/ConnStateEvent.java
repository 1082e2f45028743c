package nethttp.event;

import nethttp.core.ConnState;
import nethttp.annotations.Mirrors;

/**
 * A server connection moved to a new state, at the moment Go's server would call its
 * {@code ConnState} hook.
 *
 * @param remoteAddr the peer, {@code ip:port}
 */
@Mirrors(file = "net/http/server.go", func = "conn.setState")
public record ConnStateEvent(long nanos, long conn, String remoteAddr, ConnState state) implements Event {}
