package nethttp.transport;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.textproto.Quote;
import nethttp.textproto.WireString;

/**
 * The boundary where a user's request enters the transport: its header values are text, which
 * Go would hold as UTF-8, and become the wire strings the request writer sends byte for byte.
 * ({@code café} goes out as {@code caf\xC3\xA9}, {@code €uro} as {@code \xE2\x82\xACuro}.)
 * Its trailer values are text too; as they may be filled in while the body is sent, the request
 * writer converts them when it writes them. The rule for all values is
 * {@link nethttp.textproto.WireString}'s.
 */
final class UserText {
    private UserText() {}

    /**
     * {@code req} itself when every header value is ASCII; otherwise a copy whose header holds
     * the UTF-8 bytes of each value. The caller's request and header are left as they were.
     *
     * @throws ProtocolException {@code net/http: invalid header field value for "X-Key"} for a
     *     value with half of a surrogate pair, which has no bytes to send (Go's text for a value
     *     that cannot be sent; the value is kept out, as it may be a secret)
     */
    static Request encodeHeader(Request req) throws ProtocolException {
        Header wire = null;
        for (Map.Entry<String, List<String>> field : req.header.asMap().entrySet()) {
            List<String> values = field.getValue();
            if (values.stream().allMatch(WireString::isAscii)) continue;
            List<String> encoded = new ArrayList<>(values.size());
            for (String v : values) {
                try {
                    encoded.add(WireString.fromText(v));
                } catch (CharacterCodingException e) {
                    throw new ProtocolException("net/http: invalid header field value for " + Quote.quote(field.getKey()));
                }
            }
            if (wire == null) wire = req.header.copy();
            wire.setRaw(field.getKey(), encoded);
        }
        if (wire == null) return req;
        Request copy = req.shallowCopy();
        copy.header = wire;
        return copy;
    }
}
