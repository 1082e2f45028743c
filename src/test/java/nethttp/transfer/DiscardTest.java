package nethttp.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DiscardTest {

    @Test
    void dropsUpToTheLimitAndLeavesTheRest() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[20_000]);
        assertEquals(10_000, Discard.upTo(in, 10_000));
        assertEquals(10_000, in.available(), "nothing past the limit is read");
    }

    @Test
    void stopsAtTheEndAndSaysHowMuchThereWas() throws IOException {
        assertEquals(3, Discard.upTo(new ByteArrayInputStream(new byte[3]), Long.MAX_VALUE));
        assertEquals(0, Discard.upTo(new ByteArrayInputStream(new byte[3]), 0));
    }
}
