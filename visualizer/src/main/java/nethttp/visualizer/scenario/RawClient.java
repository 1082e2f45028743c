package nethttp.visualizer.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nethttp.visualizer.model.WireBytes;

/**
 * A small HTTP/1.1 client on a raw socket, enough to play a scenario byte by byte: it writes
 * exactly what it is given, reads responses as they come, and records both as wire traffic.
 * Every read is bounded by a timeout, so a scenario cannot hang.
 */
public final class RawClient implements AutoCloseable {
    private static final int READ_TIMEOUT_MS = 5000;

    private final ScenarioRun run;
    private final String name;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String addr;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    RawClient(ScenarioRun run, String name, int port) throws IOException {
        this.run = run;
        this.name = name;
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.addr = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    /** The client's name in notes, "client A". */
    public String name() {
        return name;
    }

    /** Writes {@code text} (one char per byte) in one write. */
    public void send(String text) throws IOException {
        run.record(new WireBytes(System.nanoTime(), addr, WireBytes.Direction.TO_SERVER, text));
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A GET request for {@code target} with a Host field and any extra lines given. */
    public static String get(String target, String... extraFields) {
        StringBuilder b = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String f : extraFields) b.append(f).append("\r\n");
        return b.append("\r\n").toString();
    }

    /**
     * Reads one whole response: the head, then a body framed by Content-Length, by chunked
     * coding, or by the end of the connection. A 1xx response is returned alone.
     *
     * @return the response's bytes; empty when the server closed without answering
     */
    public String readResponse() throws IOException {
        int headEnd;
        while ((headEnd = indexOf(pendingText(), "\r\n\r\n")) < 0) {
            if (!fill()) return takePending(pendingText().length());
        }
        String head = pendingText().substring(0, headEnd + 4);
        String status = head.substring(0, Math.max(0, head.indexOf(' ') + 4));
        if (status.matches("HTTP/1\\.\\d 1\\d\\d")) return takePending(head.length());
        String lower = head.toLowerCase(Locale.ROOT);
        long length = contentLength(lower);
        if (length >= 0) {
            while (pending.size() < head.length() + length) if (!fill()) break;
            return takePending((int) Math.min(pending.size(), head.length() + length));
        }
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            while (indexOf(pendingText().substring(head.length()), "\r\n0\r\n\r\n") < 0
                    && !pendingText().substring(head.length()).startsWith("0\r\n\r\n")) {
                if (!fill()) break;
            }
            String rest = pendingText().substring(head.length());
            int end = rest.startsWith("0\r\n\r\n") ? 5 : indexOf(rest, "\r\n0\r\n\r\n") + 7;
            return takePending(head.length() + Math.max(0, Math.min(end, rest.length())));
        }
        while (fill()) {
            // read to the end: the connection frames this body
        }
        return takePending(pending.size());
    }

    /**
     * Waits up to {@code millis} for the server to close the connection, reading whatever it
     * sends.
     *
     * @return true when the server closed it
     */
    public boolean awaitClose(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (fill()) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } finally {
            if (!socket.isClosed()) socket.setSoTimeout(READ_TIMEOUT_MS);
        }
    }

    /** Reads what arrives, recording it; false at the end of the stream or a reset. */
    private boolean fill() throws IOException {
        byte[] buf = new byte[8192];
        int n;
        try {
            n = in.read(buf);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            return false;
        }
        if (n < 0) return false;
        pending.write(buf, 0, n);
        run.record(new WireBytes(System.nanoTime(), addr, WireBytes.Direction.TO_CLIENT, new String(buf, 0, n, StandardCharsets.ISO_8859_1)));
        return true;
    }

    private String pendingText() {
        return pending.toString(StandardCharsets.ISO_8859_1);
    }

    private String takePending(int n) {
        String all = pendingText();
        pending.reset();
        pending.writeBytes(all.substring(n).getBytes(StandardCharsets.ISO_8859_1));
        return all.substring(0, n);
    }

    private static long contentLength(String lowerHead) {
        int i = lowerHead.indexOf("\r\ncontent-length:");
        if (i < 0) return -1;
        int end = lowerHead.indexOf("\r\n", i + 2);
        return Long.parseLong(lowerHead.substring(i + "\r\ncontent-length:".length(), end).trim());
    }

    private static int indexOf(String s, String what) {
        return s.indexOf(what);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
