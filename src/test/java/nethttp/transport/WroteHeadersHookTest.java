package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nethttp.client.Requests;
import nethttp.core.Request;
import nethttp.textproto.BufioWriter;
import nethttp.wire.RequestWriter;
import org.junit.jupiter.api.Test;

/** RequestWriter's wroteHeaders hook: it runs once the header block is buffered, before any flush, and changes no byte. */
class WroteHeadersHookTest {

    private static Request chunkedPut() throws Exception {
        Request r = Requests.newRequest("PUT", "http://example.com/up");
        r.body = new BufferedInputStream(new ByteArrayInputStream("body".getBytes(StandardCharsets.ISO_8859_1)));
        return r;
    }

    @Test
    void hookSeesTheWholeHeaderBufferedAndNothingFlushed() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        BufioWriter w = new BufioWriter(wire, 4096);
        List<String> seen = new ArrayList<>();
        RequestWriter.write(chunkedPut(), w, false, null, () -> seen.add(wire.size() + "/" + w.buffered()), null);
        w.flush();
        String sent = wire.toString(StandardCharsets.ISO_8859_1);
        int headerLength = sent.indexOf("\r\n\r\n") + 4;
        assertEquals(List.of("0/" + headerLength), seen);

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BufioWriter pw = new BufioWriter(plain, 4096);
        RequestWriter.write(chunkedPut(), pw, false);
        pw.flush();
        assertArrayEquals(plain.toByteArray(), wire.toByteArray());
    }
}
