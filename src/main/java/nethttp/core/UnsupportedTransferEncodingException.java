package nethttp.core;

import nethttp.annotations.Mirrors;

/**
 * A {@code Transfer-Encoding} other than {@code chunked}. A server answers
 * {@code 501 Not Implemented} with the body {@code Unsupported transfer encoding}.
 */
@Mirrors(file = "net/http/transfer.go", func = "unsupportedTEError")
public final class UnsupportedTransferEncodingException extends ProtocolException {
    public UnsupportedTransferEncodingException(String message) {
        super(message);
    }
}
