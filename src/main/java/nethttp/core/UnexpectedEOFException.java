package nethttp.core;

import nethttp.annotations.Mirrors;

/**
 * The stream ended in the middle of a message: a header block without its blank line, or a body
 * shorter than its framing promised. Unlike a clean end between messages
 * ({@link java.io.EOFException}), this is an error the server answers with 400.
 */
@Mirrors(file = "io/io.go", func = "ErrUnexpectedEOF")
public final class UnexpectedEOFException extends ProtocolException {
    public UnexpectedEOFException() {
        super("unexpected EOF");
    }
}
