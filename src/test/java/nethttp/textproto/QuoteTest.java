package nethttp.textproto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Quotes byte strings and compares with Go 1.19's {@code strconv.Quote} of the same bytes. */
class QuoteTest {

    static List<GoStrings.Row> rows() throws IOException {
        return GoStrings.table(QuoteTest.class, "go-quote-cases.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void quotesAsGoDoes(GoStrings.Row row) {
        assertEquals(row.expected(), Quote.quote(row.input()));
    }
}
