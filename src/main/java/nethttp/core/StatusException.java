package nethttp.core;

import nethttp.annotations.Mirrors;

/**
 * A malformed request that the server answers with a status and a public reason, in Go's shape:
 * {@code HTTP/1.1 400 Bad Request: missing required Host header}, and the same text as the body.
 */
@Mirrors(file = "net/http/server.go", func = "statusError")
public final class StatusException extends ProtocolException {
    private final int code;
    private final String reason;

    public StatusException(int code, String reason) {
        super(code + " " + Status.text(code) + ": " + reason);
        this.code = code;
        this.reason = reason;
    }

    /** A 400 with a reason, as Go's {@code badRequestError}. */
    @Mirrors(file = "net/http/server.go", func = "badRequestError")
    public static StatusException badRequest(String reason) {
        return new StatusException(Status.BAD_REQUEST, reason);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
