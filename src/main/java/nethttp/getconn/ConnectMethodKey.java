package nethttp.getconn;

import nethttp.annotations.Mirrors;

/**
 * What makes two requests able to share a connection: the scheme and the {@code host:port}
 * dialed. Go's key also holds a proxy and an HTTP/1-only flag; this transport has neither.
 */
@Mirrors(file = "net/http/transport.go", func = "connectMethodKey")
public record ConnectMethodKey(String scheme, String addr) {
    @Override
    @Mirrors(file = "net/http/transport.go", func = "connectMethodKey.String")
    public String toString() {
        return "|" + scheme + "|" + addr;
    }
}
