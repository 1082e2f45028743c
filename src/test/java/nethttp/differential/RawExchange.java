package nethttp.differential;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays one corpus case against one server and writes down, as text, everything observable:
 * each response's status line, its header lines in order (the {@code Date} value blanked, since
 * it changes every second), its body both as framed on the wire and as decoded, and finally
 * whether the connection stayed open.
 *
 * <p>Whether the connection stayed open is decided without waiting: after the expected
 * responses, a probe request is written; a server that keeps the connection answers it, one
 * that closed it gives end of stream (or a reset). The only timeout is a guard against hangs,
 * and reaching it fails the case.
 *
 * <p>Two transcripts are equal exactly when the two servers sent the same bytes, apart from the
 * date, and treated the connection alike.
 */
public final class RawExchange {
    /** A request any healthy connection answers; its answer proves the connection was kept. */
    static final byte[] PROBE = "GET / HTTP/1.1\r\nHost: probe\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private static final int HANG_GUARD_MILLIS = 10_000;
    private static final int MAX_LINE = 2 << 20;

    private final StringBuilder transcript = new StringBuilder();
    private InputStream in;

    private RawExchange() {}

    /** Runs the case on a fresh connection to {@code server} and returns its transcript. */
    public static String run(InetSocketAddress server, CorpusCase c) throws IOException, InterruptedException {
        RawExchange x = new RawExchange();
        try (Socket socket = new Socket()) {
            socket.connect(server, HANG_GUARD_MILLIS);
            socket.setSoTimeout(HANG_GUARD_MILLIS);
            x.in = new BufferedInputStream(socket.getInputStream());
            Thread writer = x.writeInBackground(socket, c);
            x.play(socket, c, writer);
        }
        return x.transcript.toString();
    }

    /**
     * Writes the request from its own thread, so that a server answering (and closing) before
     * it has read a large request cannot deadlock us, and we read its answer meanwhile.
     */
    private Thread writeInBackground(Socket socket, CorpusCase c) {
        AtomicReference<IOException> failed = new AtomicReference<>();
        return Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(c.request());
                out.flush();
                if (c.shutdownWrite()) socket.shutdownOutput();
            } catch (IOException e) {
                // The server may close before it has read everything (a 431, say); the reply
                // it sent first is what the transcript shows.
                failed.set(e);
            }
        });
    }

    private void play(Socket socket, CorpusCase c, Thread writer) throws IOException, InterruptedException {
        int finals = 0;
        while (finals < c.responses()) {
            Ending e = readResponse("response " + (finals + 1), c.isHeadResponse(finals + 1));
            if (e == Ending.INTERIM) continue;
            if (e != Ending.COMPLETE) {
                transcript.append("connection: closed\n");
                return;
            }
            finals++;
        }
        if (c.shutdownWrite()) {
            readToEnd();
            return;
        }
        if (c.awaitClose()) {
            awaitClose();
            return;
        }
        if (!writer.join(java.time.Duration.ofMillis(HANG_GUARD_MILLIS))) {
            throw new AssertionError("hang guard: the request was still not written after " + HANG_GUARD_MILLIS + " ms");
        }
        try {
            socket.getOutputStream().write(PROBE);
            socket.getOutputStream().flush();
        } catch (SocketException e) {
            transcript.append("connection: closed (probe not accepted)\n");
            return;
        }
        Ending probe;
        int before = transcript.length();
        probe = readResponse("probe", false);
        while (probe == Ending.INTERIM) probe = readResponse("probe", false);
        if (probe == Ending.NOTHING) {
            transcript.setLength(before);
            transcript.append("connection: closed\n");
        } else {
            transcript.insert(before, "connection: kept open\n");
        }
    }

    private enum Ending {
        /** A whole final response was read and the connection may go on. */
        COMPLETE,
        /** A 1xx response: the final one is still to come. */
        INTERIM,
        /** The stream ended before any byte of a response. */
        NOTHING,
        /** The response ended with the stream: cut short, or framed by the close. */
        CLOSED
    }

    private Ending readResponse(String label, boolean head) throws IOException {
        byte[] statusLine = readLine();
        if (statusLine.length == 0) return Ending.NOTHING;
        transcript.append(label).append(":\n  ").append(escape(statusLine)).append('\n');
        if (!endsWithLf(statusLine)) return cutShort();
        int code = statusCode(statusLine);

        boolean chunked = false;
        long contentLength = -1;
        while (true) {
            byte[] line = readLine();
            if (line.length == 0 || !endsWithLf(line)) {
                if (line.length > 0) transcript.append("  ").append(escape(line)).append('\n');
                return cutShort();
            }
            String text = new String(line, StandardCharsets.ISO_8859_1);
            if (text.equals("\r\n") || text.equals("\n")) {
                transcript.append("  ").append(escape(line)).append('\n');
                break;
            }
            int colon = text.indexOf(':');
            String name = colon < 0 ? "" : text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : text.substring(colon + 1).trim();
            if (name.equals("date")) {
                transcript.append("  Date: <any>\n");
                continue;
            }
            transcript.append("  ").append(escape(line)).append('\n');
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) chunked = true;
            if (name.equals("content-length")) contentLength = parseLength(value);
        }

        if (code >= 100 && code < 200) return Ending.INTERIM;
        if (head || code == 204 || code == 304) {
            transcript.append("  (no body)\n");
            return Ending.COMPLETE;
        }
        if (chunked) return readChunked();
        if (contentLength >= 0) {
            byte[] body = readN(contentLength);
            transcript.append("  body: ").append(block(body)).append('\n');
            return body.length == contentLength ? Ending.COMPLETE : cutShort();
        }
        byte[] body = readAll();
        transcript.append("  body until close: ").append(block(body)).append('\n');
        return Ending.CLOSED;
    }

    private Ending readChunked() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            byte[] sizeLine = readLine();
            raw.write(sizeLine);
            if (!endsWithLf(sizeLine)) return chunkedCutShort(raw, data);
            String size = new String(sizeLine, StandardCharsets.ISO_8859_1).trim();
            int semi = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong(semi < 0 ? size : size.substring(0, semi), 16);
            } catch (NumberFormatException e) {
                transcript.append("  unparsable chunk size, raw: ").append(escape(raw.toByteArray())).append('\n');
                return Ending.CLOSED;
            }
            if (n == 0) break;
            byte[] chunk = readN(n);
            raw.write(chunk);
            data.write(chunk);
            if (chunk.length < n) return chunkedCutShort(raw, data);
            byte[] crlf = readLine();
            raw.write(crlf);
            if (!endsWithLf(crlf)) return chunkedCutShort(raw, data);
        }
        while (true) { // the trailer, up to its empty line
            byte[] line = readLine();
            raw.write(line);
            if (!endsWithLf(line)) return chunkedCutShort(raw, data);
            if (line.length <= 2 && (line.length == 1 || line[0] == '\r')) break;
        }
        transcript.append("  chunked: ").append(escape(raw.toByteArray())).append('\n');
        transcript.append("  body: ").append(block(data.toByteArray())).append('\n');
        return Ending.COMPLETE;
    }

    private Ending chunkedCutShort(ByteArrayOutputStream raw, ByteArrayOutputStream data) {
        transcript.append("  chunked, cut short: ").append(escape(raw.toByteArray())).append('\n');
        transcript.append("  body so far: ").append(block(data.toByteArray())).append('\n');
        return Ending.CLOSED;
    }

    private Ending cutShort() {
        transcript.append("  (cut short by end of stream)\n");
        return Ending.CLOSED;
    }

    /** With our side left open and silent: whatever else the server sends, then its close. */
    private void awaitClose() throws IOException {
        byte[] rest = readAll();
        if (rest.length > 0) transcript.append("further bytes: ").append(escape(rest)).append('\n');
        transcript.append("connection: closed by the server while we waited\n");
    }

    /** After our end of stream: whatever else the server sends, then its close. */
    private void readToEnd() throws IOException {
        byte[] rest = readAll();
        if (rest.length > 0) transcript.append("further bytes: ").append(escape(rest)).append('\n');
        transcript.append("connection: closed after our end of stream\n");
    }

    private static long parseLength(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int statusCode(byte[] line) {
        String s = new String(line, StandardCharsets.ISO_8859_1);
        if (s.length() < 12 || !s.startsWith("HTTP/")) return -1;
        try {
            return Integer.parseInt(s.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean endsWithLf(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\n';
    }

    /** One line with its ending; shorter (without LF) when the stream ends first. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < MAX_LINE) {
            int b = read();
            if (b < 0) break;
            line.write(b);
            if (b == '\n') break;
        }
        return line.toByteArray();
    }

    private byte[] readN(long n) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (got.size() < n) {
            int b = read();
            if (b < 0) break;
            got.write(b);
        }
        return got.toByteArray();
    }

    private byte[] readAll() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (int b; (b = read()) >= 0; ) got.write(b);
        return got.toByteArray();
    }

    /** One byte, or -1 at end of stream; a reset counts as an end, a silent server as a hang. */
    private int read() throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("hang guard: no byte and no close from the server for " + HANG_GUARD_MILLIS
                    + " ms; transcript so far:\n" + transcript);
        } catch (SocketException e) {
            return -1;
        } catch (EOFException e) {
            return -1;
        }
    }

    /** Bytes as readable text: printable ASCII as is, CR and LF as \r and \n, others as \xHH. */
    public static String escape(byte[] b) {
        return escape(b, false);
    }

    /** A body: escaped as {@link #escape(byte[])}, with a real line break after each LF. */
    private static String block(byte[] b) {
        return escape(b, true);
    }

    private static String escape(byte[] b, boolean breakAfterLf) {
        StringBuilder s = new StringBuilder(b.length + 16);
        for (byte x : b) {
            int c = x & 0xFF;
            switch (c) {
                case '\r' -> s.append("\\r");
                case '\n' -> s.append(breakAfterLf ? "\\n\n    " : "\\n");
                case '\t' -> s.append("\\t");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7F) s.append((char) c);
                    else s.append(String.format("\\x%02x", c));
                }
            }
        }
        return s.toString();
    }
}
