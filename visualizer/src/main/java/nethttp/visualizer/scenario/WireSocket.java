package nethttp.visualizer.scenario;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.WireBytes;

/**
 * A socket that records what it writes and reads as {@link WireBytes}: on the client's end for
 * the library's Transport, so the client scenarios fill the wire panel and mark the server's
 * lanes as the raw-socket scenarios do; on the server's end in live mode, where the clients are
 * other programs (curl, a browser) and only the server can see their bytes.
 */
final class WireSocket extends Socket {
    private final Consumer<Happening> sink;
    private final boolean serverEnd;
    private InputStream recordingIn;
    private OutputStream recordingOut;

    private WireSocket(Consumer<Happening> sink, boolean serverEnd) {
        this.sink = sink;
        this.serverEnd = serverEnd;
    }

    /** A client's socket, to connect. */
    static WireSocket client(Consumer<Happening> sink) {
        return new WireSocket(sink, false);
    }

    /** A server's socket, for {@link java.net.ServerSocket#implAccept}. */
    static WireSocket server(Consumer<Happening> sink) {
        return new WireSocket(sink, true);
    }

    /** The client's end, {@code ip:port}: the address the server knows the connection by. */
    private String clientAddr() {
        return serverEnd ? getInetAddress().getHostAddress() + ":" + getPort()
                : getLocalAddress().getHostAddress() + ":" + getLocalPort();
    }

    private void record(boolean read, byte[] b, int off, int len) {
        if (len <= 0) return;
        // What the client writes or the server reads travels to the server.
        WireBytes.Direction d = read == serverEnd ? WireBytes.Direction.TO_SERVER : WireBytes.Direction.TO_CLIENT;
        sink.accept(new WireBytes(System.nanoTime(), clientAddr(), d, new String(b, off, len, StandardCharsets.ISO_8859_1)));
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (recordingIn == null) {
            recordingIn = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    record(true, b, off, n);
                    return n;
                }
            };
        }
        return recordingIn;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (recordingOut == null) {
            recordingOut = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    record(false, b, off, len);
                    out.write(b, off, len);
                }
            };
        }
        return recordingOut;
    }
}
