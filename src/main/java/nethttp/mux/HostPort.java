package nethttp.mux;

import nethttp.annotations.Mirrors;

/**
 * Removes the port from a {@code Host} value, so that {@code example.com:8080} finds the patterns
 * registered for {@code example.com}.
 */
final class HostPort {
    private HostPort() {}

    /**
     * Returns {@code h} without a trailing {@code :port}. A value without a colon, or one that is
     * not a well-formed {@code host:port} pair, is returned unchanged. A bracketed IPv6 literal
     * loses its brackets along with the port: {@code [::1]:80} becomes {@code ::1}.
     */
    @Mirrors(file = "net/http/server.go", func = "stripHostPort")
    static String stripHostPort(String h) {
        if (h.indexOf(':') < 0) return h;
        String host = splitHost(h);
        return host == null ? h : host;
    }

    /**
     * The host part of {@code host:port}, or null when Go's {@code net.SplitHostPort} would
     * reject the text. The port is whatever follows the last colon, even nothing.
     */
    @Mirrors(file = "net/ipsock.go", func = "SplitHostPort")
    static String splitHost(String hostport) {
        int lastColon = hostport.lastIndexOf(':');
        if (lastColon < 0) return null;
        String host;
        int noOpenBracketFrom = 0, noCloseBracketFrom = 0;
        if (hostport.charAt(0) == '[') {
            int close = hostport.indexOf(']');
            // The closing bracket must sit right before the last colon: "[v6]:port".
            if (close < 0 || close + 1 != lastColon) return null;
            host = hostport.substring(1, close);
            noOpenBracketFrom = 1;
            noCloseBracketFrom = close + 1;
        } else {
            host = hostport.substring(0, lastColon);
            if (host.indexOf(':') >= 0) return null;
        }
        if (hostport.indexOf('[', noOpenBracketFrom) >= 0) return null;
        if (hostport.indexOf(']', noCloseBracketFrom) >= 0) return null;
        return host;
    }
}
