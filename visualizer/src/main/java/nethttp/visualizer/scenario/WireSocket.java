package nethttp.visualizer.scenario;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import nethttp.visualizer.model.WireBytes;

/**
 * A client socket of the library's Transport that records what it writes and reads as
 * {@link WireBytes}, so the client scenarios fill the wire panel and mark the server's lanes as
 * the raw-socket scenarios do.
 */
final class WireSocket extends Socket {
    private final ScenarioRun run;
    private InputStream recordingIn;
    private OutputStream recordingOut;

    WireSocket(ScenarioRun run) {
        this.run = run;
    }

    private String addr() {
        return getLocalAddress().getHostAddress() + ":" + getLocalPort();
    }

    private void record(WireBytes.Direction d, byte[] b, int off, int len) {
        if (len > 0) run.record(new WireBytes(System.nanoTime(), addr(), d, new String(b, off, len, StandardCharsets.ISO_8859_1)));
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
                    record(WireBytes.Direction.TO_CLIENT, b, off, n);
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
                    record(WireBytes.Direction.TO_SERVER, b, off, len);
                    out.write(b, off, len);
                }
            };
        }
        return recordingOut;
    }
}
