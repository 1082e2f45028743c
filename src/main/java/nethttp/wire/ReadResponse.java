package nethttp.wire;

import java.io.EOFException;
import java.io.IOException;
import nethttp.annotations.Mirrors;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.core.UnexpectedEOFException;
import nethttp.textproto.BufioReader;
import nethttp.textproto.Quote;
import nethttp.textproto.Reader;
import nethttp.transfer.Transfer;

/**
 * Reads one response from a connection: Go's {@code http.ReadResponse}, the client's mirror of
 * {@link ReadRequest}.
 */
public final class ReadResponse {
    private ReadResponse() {}

    /**
     * Reads a status line, its header block and its body framing from {@code r}, for a response
     * to {@code req} (which may be null: then the request is taken to be a {@code GET}).
     *
     * <p>The status line is split at its first space into the version and the status; blanks
     * before the status are skipped, and the status keeps everything after them, trailing
     * blanks included ({@code "HTTP/1.0 303 "} gives the status {@code "303 "}). A reason may
     * be missing. The code is the status up to its next space and must be three characters
     * that make a non-negative decimal number (Go's {@code strconv.Atoi}, so a leading
     * {@code +} is accepted); any version of the form {@code HTTP/d.d} is accepted. Then the
     * header is read, {@code Pragma: no-cache} implies {@code Cache-Control: no-cache}, and
     * {@link Transfer#readTransfer(Response, BufioReader)} frames the body.
     *
     * @throws EOFException when the stream ends before the first byte of a response
     * @throws UnexpectedEOFException when it ends inside the status line's header block
     * @throws ProtocolException for a malformed status line or header, with Go's message:
     *     {@code malformed HTTP response "HTTP/1.1"}, {@code malformed HTTP status code "20X"},
     *     {@code malformed HTTP version "http/1.1"}, or one of the framing errors of
     *     {@link Transfer#readTransfer(Response, BufioReader)}
     */
    @Mirrors(file = "net/http/response.go", func = "ReadResponse")
    public static Response readResponse(BufioReader r, Request req) throws IOException {
        Reader tp = new Reader(r);
        Response resp = new Response();
        resp.request = req;

        String line = tp.readLine(); // an EOFException here: nothing was sent at all
        try {
            parseStatusLine(line, resp);
            resp.header = Header.read(tp);
        } catch (EOFException e) {
            UnexpectedEOFException truncated = new UnexpectedEOFException();
            truncated.initCause(e);
            throw truncated;
        }
        ReadRequest.fixPragmaCacheControl(resp.header);
        Transfer.readTransfer(resp, r);
        return resp;
    }

    /** Fills in proto, status, status code and version numbers from the first line. */
    private static void parseStatusLine(String line, Response resp) throws ProtocolException {
        int space = line.indexOf(' ');
        if (space < 0) throw badString("malformed HTTP response", line);
        resp.proto = line.substring(0, space);
        resp.status = trimLeadingSpaces(line.substring(space + 1));

        int end = resp.status.indexOf(' ');
        String code = end < 0 ? resp.status : resp.status.substring(0, end);
        if (code.length() != 3) throw badString("malformed HTTP status code", code);
        resp.statusCode = atoi(code);
        if (resp.statusCode < 0) throw badString("malformed HTTP status code", code);

        HttpVersion version = HttpVersion.parse(resp.proto)
                .orElseThrow(() -> badString("malformed HTTP version", resp.proto));
        resp.protoMajor = version.major();
        resp.protoMinor = version.minor();
    }

    /**
     * A three-character status code as Go's {@code strconv.Atoi} reads it: an optional sign and
     * decimal digits. Returns {@code -1} for anything else, which the caller rejects like a
     * negative number ({@code "-10"} parses, and is refused for being negative).
     */
    @Mirrors(file = "strconv/atoi.go", func = "Atoi")
    private static int atoi(String s) {
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == s.length()) return -1;
        int n = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return negative ? -n : n;
    }

    private static String trimLeadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return s.substring(i);
    }

    /** Go's {@code badStringError}: {@code what "value"}. */
    private static ProtocolException badString(String what, String value) {
        return new ProtocolException(what + " " + Quote.quote(value));
    }
}
