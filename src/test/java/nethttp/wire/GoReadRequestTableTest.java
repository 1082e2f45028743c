package nethttp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import nethttp.core.Request;
import nethttp.textproto.GoStrings;
import nethttp.textproto.Quote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads request heads and compares with what Go 1.19's {@code http.ReadRequest} returned for the
 * same bytes: every field, or the error text. ({@code http.ReadRequest} drops {@code Host} from
 * the header; the table leaves it out for both.) The inputs include the cases of Go's
 * {@code readrequest_test.go} that concern the head.
 */
class GoReadRequestTableTest {

    static List<GoStrings.Row> rows() throws IOException {
        return GoStrings.table(GoReadRequestTableTest.class, "go-readrequest-cases.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesGo(GoStrings.Row row) {
        String actual;
        try {
            actual = "OK " + describe(ReadRequest.readRequestHead(GoStrings.smallReader(row.input())));
        } catch (IOException e) {
            actual = "ERR " + GoStrings.goError(e);
        }
        assertEquals(row.expected(), actual);
    }

    private static String describe(Request r) {
        return "method=" + q(r.method) + " uri=" + q(r.requestURI) + " proto=" + q(r.proto)
                + " v=" + r.protoMajor + "." + r.protoMinor + " url=" + q(r.url.toString())
                + " urlScheme=" + q(r.url.scheme) + " urlHost=" + q(r.url.host) + " urlPath=" + q(r.url.path)
                + " host=" + q(r.host) + " header:" + GoStrings.describe(r.header);
    }

    private static String q(String s) {
        return Quote.quote(s);
    }
}
