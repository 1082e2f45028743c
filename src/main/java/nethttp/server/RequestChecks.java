package nethttp.server;

import java.util.List;
import java.util.Map;
import nethttp.annotations.Mirrors;
import nethttp.core.Request;
import nethttp.core.Status;
import nethttp.core.StatusException;
import nethttp.textproto.Guts;
import nethttp.wire.ReadRequest;

/**
 * What the server demands of a request that parsed: Go makes these checks in the server's
 * {@code conn.readRequest} (server.go, Go 1.19 lines 1002-1027), not in request.go's
 * {@code readRequest}, so a client reading the same bytes accepts what a server turns away.
 */
final class RequestChecks {
    private RequestChecks() {}

    /**
     * Checks a freshly read request the way Go's server does before running a handler, and then
     * removes {@code Host} from the header (it lives on in {@code req.host}). In Go's order:
     * <ol>
     *   <li>a version the server does not speak: {@code 505 unsupported protocol version}
     *       (HTTP/1.x is spoken; of the rest only the {@code PRI * HTTP/2.0} preface passes);</li>
     *   <li>HTTP/1.1 or later without a {@code Host} header, unless {@code CONNECT} or the
     *       HTTP/2 preface: {@code 400 missing required Host header};</li>
     *   <li>a {@code Host} with bytes no host may hold: {@code 400 malformed Host header};</li>
     *   <li>a header name that is not a token, such as {@code "Foo "} from {@code Foo : bar}:
     *       {@code 400 invalid header name};</li>
     *   <li>a value with a control byte: {@code 400 invalid header value}.</li>
     * </ol>
     * Names and values are checked key by key in sorted order (Go's map order is random, so
     * when both faults are present Go may report either).
     *
     * @throws StatusException with the code and reason Go's server answers with
     */
    // tag::validate-for-server[]
    @Mirrors(file = "net/http/server.go", func = "conn.readRequest")
    static void validate(Request req) throws StatusException {
        if (!http1ServerSupportsRequest(req)) {
            throw new StatusException(Status.HTTP_VERSION_NOT_SUPPORTED,
                    "unsupported protocol version");
        }
        List<String> hosts = req.header.values("Host");
        boolean exempt = ReadRequest.isH2Upgrade(req) || req.method.equals("CONNECT");
        if (req.protoAtLeast(1, 1) && hosts.isEmpty() && !exempt) {
            throw StatusException.badRequest("missing required Host header");
        }
        if (hosts.size() == 1 && !Guts.validHostHeader(hosts.get(0))) {
            throw StatusException.badRequest("malformed Host header");
        }
        for (Map.Entry<String, List<String>> field : req.header.asMap().entrySet()) {
            if (!Guts.validHeaderFieldName(field.getKey())) {
                throw StatusException.badRequest("invalid header name");
            }
            for (String value : field.getValue()) {
                if (!Guts.validHeaderFieldValue(value)) {
                    throw StatusException.badRequest("invalid header value");
                }
            }
        }
        req.header.del("Host");
    }
    // end::validate-for-server[]

    /** HTTP/1.x, or the {@code PRI * HTTP/2.0} preface that a handler may take over. */
    @Mirrors(file = "net/http/server.go", func = "http1ServerSupportsRequest")
    static boolean http1ServerSupportsRequest(Request req) {
        if (req.protoMajor == 1) return true;
        return req.protoMajor == 2 && req.protoMinor == 0
                && req.method.equals("PRI") && req.requestURI.equals("*");
    }
}
