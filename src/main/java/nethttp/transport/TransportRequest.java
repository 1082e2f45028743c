package nethttp.transport;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import nethttp.annotations.Mirrors;
import nethttp.core.Header;
import nethttp.core.Request;

/**
 * A request on its way through the transport: the request, the fields the transport adds
 * without touching the caller's header ({@code Accept-Encoding}, {@code Connection: close}), and
 * the first error that must win over whatever tearing the connection down causes later.
 */
@Mirrors(file = "net/http/transport.go", func = "transportRequest")
final class TransportRequest {
    final Request req;
    final RequestTrace trace;
    /** The caller's request, by identity: the key of its cancel function. */
    final Request cancelKey;
    private Header extra;
    private final ReentrantLock mu = new ReentrantLock();
    private IOException err;

    TransportRequest(Request req, RequestTrace trace, Request cancelKey) {
        this.req = req;
        this.trace = trace;
        this.cancelKey = cancelKey;
    }

    @Mirrors(file = "net/http/transport.go", func = "transportRequest.extraHeaders")
    Header extraHeaders() {
        if (extra == null) extra = new Header();
        return extra;
    }

    Header extraOrNull() {
        return extra;
    }

    @Mirrors(file = "net/http/transport.go", func = "transportRequest.setError")
    void setError(IOException e) {
        mu.lock();
        try {
            if (err == null) err = e;
        } finally {
            mu.unlock();
        }
    }

    IOException error() {
        mu.lock();
        try {
            return err;
        } finally {
            mu.unlock();
        }
    }
}
