package nethttp.textproto;

import java.io.IOException;

import nethttp.annotations.Mirrors;

/**
 * A line or header block that breaks the text protocol's grammar, such as a header line without
 * a colon. The message is Go's text for the same fault, for example
 * {@code malformed MIME header: missing colon: "No colon here"}.
 *
 * <p>HTTP code above this package turns it into its own {@code nethttp.core.ProtocolException}
 * with the same message where it reads a message, so a server answers it with a 400 like any
 * other malformed request.
 */
@Mirrors(file = "net/textproto/textproto.go", func = "ProtocolError")
public final class TextprotoException extends IOException {
    public TextprotoException(String message) {
        super(message);
    }
}
