package nethttp.core;

import java.io.IOException;
import nethttp.textproto.TextprotoException;

/**
 * A message that breaks the HTTP/1.x grammar or a rule Go enforces on it. A server answers
 * {@code 400 Bad Request} with no reason; subclasses ask for other replies. The message is Go's
 * error text for the same fault, for example {@code "malformed HTTP request \"GET\""}.
 */
public class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The text protocol's complaint, seen from HTTP: same message, so that a malformed header block
     * reads exactly as Go reports it, and the server answers it like any other malformed request.
     */
    public ProtocolException(TextprotoException cause) {
        super(cause.getMessage(), cause);
    }
}
