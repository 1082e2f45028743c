package nethttp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nethttp.core.Request;
import nethttp.transfer.Transfer;
import org.junit.jupiter.api.Test;

/**
 * The framing decision against Go 1.19's server: every line of {@code response-framing-go119.txt}
 * (written by {@code src/test/go/responseframing}) is a request, what its handler did, and the
 * framing fields and connection fate Go's server gave the response.
 */
class ResponseFramingTest {

    /** One line of the table: the case, then Go's Content-Length, Transfer-Encoding, Connection and whether it closed. */
    private record Row(String line, String method, int minor, String requestConnection, int status, long contentLength,
            String transferEncoding, String connection, boolean trailers, boolean finished, int written, String want) {

        static Row parse(String line) {
            String[] f = line.split(" -> ");
            String[] in = f[0].split(" ");
            return new Row(line, in[0], in[1].equals("1.1") ? 1 : 0, undash(in[2]), Integer.parseInt(in[3]),
                    Long.parseLong(in[4]), undash(in[5]), undash(in[6]), in[7].equals("1"), in[8].equals("1"),
                    Integer.parseInt(in[9]), f[1]);
        }

        private static String undash(String s) {
            return s.equals("-") ? "" : s;
        }
    }

    private static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ResponseFramingTest.class.getResourceAsStream("response-framing-go119.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) rows.add(Row.parse(line));
            }
        }
        return rows;
    }

    /** The facts of a row as the server gathers them: the handler set its fields through Header() before WriteHeader. */
    private static ResponseFraming.Facts facts(Row row) {
        Request req = new Request();
        req.method = row.method();
        req.protoMinor = row.minor();
        if (!row.requestConnection().isEmpty()) req.header.set("Connection", row.requestConnection());
        req.close = Transfer.shouldClose(1, row.minor(), req.header, false);
        String cl = row.contentLength() == -1 ? "" : Long.toString(row.contentLength());
        return new ResponseFraming.Facts(row.method().equals("HEAD"), req.protoAtLeast(1, 1), req.protoAtLeast(1, 0),
                req.wantsHttp10KeepAlive(), req.wantsClose(), false, true, row.status(),
                row.finished(), row.finished() ? row.written() : 0, row.contentLength(), row.trailers(),
                row.transferEncoding(), cl, row.connection(), !row.connection().isEmpty(), row.connection(), false);
    }

    /** What the wire shows for a decision, in the table's form: fields in the order the server writes them. */
    private static String wire(Row row, ResponseFraming.Decision d) {
        String cl = d.autoContentLength() != null ? d.autoContentLength()
                : row.contentLength() != -1 && !d.deleted().contains("Content-Length") ? Long.toString(row.contentLength())
                : "-";
        List<String> te = new ArrayList<>();
        if (!row.transferEncoding().isEmpty() && !d.deleted().contains("Transfer-Encoding")) te.add(row.transferEncoding());
        if (!d.transferEncoding().isEmpty()) te.add(d.transferEncoding());
        String conn = !d.connection().isEmpty() ? d.connection()
                : !row.connection().isEmpty() && !d.deleted().contains("Connection") ? row.connection() : "-";
        return cl + " " + (te.isEmpty() ? "-" : String.join("+", te)) + " " + conn + " " + (d.closeAfterReply() ? "1" : "0");
    }

    @Test
    void decidesAsGo119DoesOnEveryCaseOfTheTable() throws IOException {
        List<Row> rows = table();
        assertEquals(4320, rows.size(), "the table is complete");
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            String got = wire(row, ResponseFraming.decide(facts(row), () -> ResponseFraming.Leftover.DRAINED));
            if (!got.equals(row.want())) wrong.add(row.line() + " but got " + got);
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " cases differ from Go, such as:\n"
                + String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
    }

    @Test
    void asksForTheRequestBodyOnlyWhileTheConnectionWouldSurvive() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        for (Row row : table()) {
            ResponseFraming.Facts f = facts(row);
            asked.set(0);
            ResponseFraming.Decision d = ResponseFraming.decide(f, () -> {
                asked.incrementAndGet();
                return ResponseFraming.Leftover.DRAINED;
            });
            boolean lengthKnown = f.contentLength() != -1 || d.autoContentLength() != null;
            boolean keptFor10 = f.wants10KeepAlive()
                    && (f.isHEAD() || lengthKnown || !Transfer.bodyAllowedForStatus(f.status()));
            boolean closesEarly = !keptFor10 && (!f.proto11() || f.wantsClose()) || f.connection().equals("close");
            assertEquals(closesEarly ? 0 : 1, asked.get(), row.line());
        }
    }

    @Test
    void aRequestBodyTooLargeToDrainClosesAndSaysSo() {
        ResponseFraming.Facts f = facts(Row.parse("GET 1.1 - 200 -1 - keep-alive 0 1 3 -> x"));
        ResponseFraming.Decision d = ResponseFraming.decide(f, () -> ResponseFraming.Leftover.TOO_LARGE);
        assertTrue(d.closeAfterReply());
        assertEquals("close", d.connection());
        assertTrue(d.deleted().contains("Connection"), "the handler's keep-alive is not sent");
        ResponseFraming.Decision kept = ResponseFraming.decide(f, () -> ResponseFraming.Leftover.DRAINED);
        assertEquals(false, kept.closeAfterReply());
        assertEquals("", kept.connection());
    }
}
