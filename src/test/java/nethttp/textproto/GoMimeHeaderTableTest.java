package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads header blocks and compares with what Go 1.19's {@code textproto.Reader.ReadMIMEHeader}
 * returned for the same bytes (read through a 16-byte buffer, so long lines come in pieces).
 */
class GoMimeHeaderTableTest {

    static List<GoStrings.Row> rows() throws IOException {
        return GoStrings.table(GoMimeHeaderTableTest.class, "go-mimeheader-cases.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesGo(GoStrings.Row row) {
        String actual;
        try {
            MIMEHeader h = new Reader(GoStrings.smallReader(row.input())).readMIMEHeader();
            actual = "OK" + GoStrings.describe(h);
        } catch (IOException e) {
            actual = "ERR " + GoStrings.goError(e);
        }
        assertEquals(row.expected(), actual);
    }
}
