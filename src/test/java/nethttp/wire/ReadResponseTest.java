package nethttp.wire;

import static nethttp.wire.GoLiterals.describe;
import static nethttp.wire.GoLiterals.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nethttp.core.Header;
import nethttp.core.ProtocolException;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.core.UnexpectedEOFException;
import nethttp.core.UnsupportedTransferEncodingException;
import nethttp.textproto.BufioReader;
import nethttp.textproto.Quote;
import nethttp.transfer.ChunkedWriter;
import nethttp.transfer.NoBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.generators.Generate;

/**
 * Reads responses and compares every field, the body and the trailer with what Go 1.19's
 * {@code http.ReadResponse} gave for the same bytes. The table holds the cases of Go's
 * {@code response_test.go} ({@code respTests}, {@code TestReadResponseErrors}) and more on
 * framing, trailers and truncation; its third column was printed by a Go program.
 */
class ReadResponseTest {

    static List<Arguments> goCases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String[] row : GoLiterals.rows("go-readresponse-cases.tsv", 3)) {
            out.add(Arguments.of(row[0], row[1], row[2]));
        }
        return out;
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("goCases")
    void matchesGo(String literal, String method, String expected) {
        Request req = null;
        if (!method.equals("nil")) {
            req = new Request();
            req.method = method;
        }
        String actual;
        try {
            Response resp = ReadResponse.readResponse(reader(GoLiterals.unquote(literal)), req);
            assertSame(req, resp.request);
            actual = "OK " + describeResponse(resp);
        } catch (IOException e) {
            actual = "ERR " + e.getMessage();
        }
        assertEquals(expected, actual);
    }

    private static String describeResponse(Response r) {
        String head = "status=" + Quote.quote(r.status) + " code=" + r.statusCode + " proto=" + Quote.quote(r.proto)
                + " v=" + r.protoMajor + "." + r.protoMinor + " cl=" + r.contentLength
                + " te=" + Quote.quote(r.transferEncoding) + " close=" + r.close
                + " trailer=" + describe(r.trailer) + " header=" + describe(r.header);
        GoLiterals.Drained body = GoLiterals.drain(r.body);
        return head + " body=" + Quote.quote(body.data()) + " bodyErr=" + Quote.quote(body.error())
                + " after=" + describe(r.trailer);
    }

    @Test
    void anEmptyStreamIsACleanEnd() {
        // Go's ReadResponse reports io.ErrUnexpectedEOF here too; its transport peeks a byte
        // first to tell a closed idle connection apart. Here the reader makes the distinction.
        assertThrows(EOFException.class, () -> ReadResponse.readResponse(reader(""), null));
    }

    @Test
    void aStreamCutInsideTheHeaderIsTruncated() {
        IOException e = assertThrows(IOException.class,
                () -> ReadResponse.readResponse(reader("HTTP/1.1 200 OK\r\nFoo: bar\r\n"), null));
        assertInstanceOf(UnexpectedEOFException.class, e);
        assertEquals("unexpected EOF", e.getMessage());
    }

    @Test
    void errorsAreTyped() {
        assertInstanceOf(UnsupportedTransferEncodingException.class, assertThrows(IOException.class,
                () -> ReadResponse.readResponse(reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"), null)));
        assertInstanceOf(ProtocolException.class, assertThrows(IOException.class,
                () -> ReadResponse.readResponse(reader("HTTP/1.1 2x0 OK\r\n\r\n"), null)));
    }

    @Test
    void aResponseWithoutBodyGetsTheSharedEmptyBody() throws IOException {
        Request head = new Request();
        head.method = "HEAD";
        Response r = ReadResponse.readResponse(reader("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n"), head);
        assertSame(NoBody.INSTANCE, r.body);
        assertEquals(9, r.contentLength);
        assertFalse(r.uncompressed);
        assertNull(r.trailer);
    }

    /** Go's TestReadResponseCloseInMiddle: closing a half-read body leaves the reader at the next message. */
    @Test
    void closingInTheMiddleSkipsToTheNextResponse() throws IOException {
        String x1000 = "x".repeat(1000);
        StringBuilder chunked = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        StringBuilder sized = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n");
        for (int i = 0; i < 1000; i++) {
            chunked.append("3e8\r\n").append(x1000).append("\r\n");
            sized.append(x1000);
        }
        chunked.append("0\r\n\r\n");
        for (StringBuilder wire : List.of(chunked, sized)) {
            BufioReader r = reader(wire + "Next Request Here");
            Response resp = ReadResponse.readResponse(r, null);
            byte[] first = resp.body.readNBytes(2500);
            assertEquals("x".repeat(2500), GoLiterals.text(first));
            resp.body.close();
            assertEquals("Next Request Here", GoLiterals.text(r.readAllBytes()));
        }
    }

    @Test
    void twoResponsesInARowOnOneConnection() throws IOException {
        BufioReader r = reader("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");
        Response a = ReadResponse.readResponse(r, null);
        assertEquals("abc", GoLiterals.drain(a.body).data());
        Response b = ReadResponse.readResponse(r, null);
        b.body.close(); // unread: close must skip it
        Response c = ReadResponse.readResponse(r, null);
        assertEquals(204, c.statusCode);
        assertTrue(c.header.isEmpty());
        assertThrows(EOFException.class, () -> ReadResponse.readResponse(r, null));
    }

    /**
     * A response whose body is framed by Content-Length, by chunks (cut at generated sizes,
     * with a trailer) or by the connection closing reads back to exactly that body, however
     * small the reads; the framed ones leave the reader at the next message.
     */
    @Test
    void aFramedBodyReadsBackExactly() {
        qt().forAll(Generate.byteArrays(integers().between(0, 5000), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)),
                        integers().between(0, 2), lists().of(integers().between(1, 700)).ofSizeBetween(1, 10),
                        integers().between(1, 1000))
                .checkAssert((data, framing, pieces, readSize) -> {
                    try {
                        ByteArrayOutputStream wire = new ByteArrayOutputStream();
                        wire.writeBytes(GoLiterals.bytes("HTTP/1.1 200 OK\r\nX-Kind: test\r\n"));
                        switch (framing) {
                            case 0 -> {
                                wire.writeBytes(GoLiterals.bytes("Content-Length: " + data.length + "\r\n\r\n"));
                                wire.writeBytes(data);
                            }
                            case 1 -> {
                                wire.writeBytes(GoLiterals.bytes("Transfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"));
                                ChunkedWriter cw = new ChunkedWriter(wire);
                                for (int off = 0, turn = 0; off < data.length; turn++) {
                                    int n = Math.min(pieces.get(turn % pieces.size()), data.length - off);
                                    cw.write(data, off, n);
                                    off += n;
                                }
                                cw.close();
                                wire.writeBytes(GoLiterals.bytes("X-Sum: " + data.length + "\r\n\r\n"));
                            }
                            default -> {
                                wire.writeBytes(GoLiterals.bytes("\r\n"));
                                wire.writeBytes(data);
                            }
                        }
                        String next = framing == 2 ? "" : "HTTP/1.1 204 No Content\r\n\r\n";
                        BufioReader conn = reader(GoLiterals.text(wire.toByteArray()) + next);

                        Response resp = ReadResponse.readResponse(conn, null);
                        assertEquals(framing == 0 ? data.length : -1, resp.contentLength);
                        assertEquals(framing == 2, resp.close);
                        assertEquals(framing == 1 ? List.of("chunked") : List.of(), resp.transferEncoding);
                        ByteArrayOutputStream got = new ByteArrayOutputStream();
                        byte[] buf = new byte[readSize];
                        for (int n; (n = resp.body.read(buf, 0, readSize)) != -1; ) got.write(buf, 0, n);
                        assertEquals(GoLiterals.text(data), GoLiterals.text(got.toByteArray()));
                        resp.body.close();
                        if (framing == 1) {
                            Header sum = new Header();
                            sum.add("X-Sum", String.valueOf(data.length));
                            assertEquals(sum, resp.trailer);
                        }
                        if (framing != 2) assertEquals(204, ReadResponse.readResponse(conn, null).statusCode);
                        assertThrows(EOFException.class, () -> ReadResponse.readResponse(conn, null));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }
}
