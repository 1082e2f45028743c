package nethttp.core;

import nethttp.annotations.Mirrors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nethttp.textproto.Guts;
import nethttp.textproto.MIMEHeader;
import nethttp.textproto.Reader;
import nethttp.textproto.TextprotoException;
import nethttp.textproto.WireString;

/**
 * The header fields of a request or response: a map from canonical key to a list of values.
 *
 * <p>The map itself is the text protocol's {@link MIMEHeader}: keys in canonical spelling, kept
 * sorted, every lookup canonicalising the key it is given, strings holding wire bytes one-for-one.
 * What HTTP adds is writing the fields back out, with the rules that keep a header from smuggling
 * a line of its own.
 *
 * <p>Not safe for concurrent mutation, like Go's.
 */
@Mirrors(file = "net/http/header.go", func = "Header")
public final class Header extends MIMEHeader {

    public Header() {}

    /**
     * An HTTP header over the fields a {@link MIMEHeader} read from the wire, taken over without
     * a copy (Go's conversion {@code http.Header(mimeHeader)}).
     */
    public Header(MIMEHeader fields) {
        super(fields);
    }

    /**
     * Reads a header block through the text protocol's reader, as Go's request, response and
     * trailer readers call {@code ReadMIMEHeader} and treat the result as an {@code http.Header}.
     * This is where the text protocol's error becomes HTTP's: a malformed block throws a
     * {@link ProtocolException} with the text protocol's message, unchanged.
     *
     * @throws java.io.EOFException when the stream ends before the blank line ending the block
     * @throws ProtocolException for a malformed line, with Go's message
     */
    public static Header read(Reader tp) throws IOException {
        try {
            return new Header(tp.readMIMEHeader());
        } catch (TextprotoException e) {
            throw new ProtocolException(e);
        }
    }

    /** A deep copy. */
    @Override
    @Mirrors(file = "net/http/header.go", func = "Header.Clone")
    public Header copy() {
        Header h = new Header();
        copyInto(h);
        return h;
    }

    /**
     * Writes the fields in wire format, keys sorted, skipping the keys in {@code exclude}
     * (canonical spelling). Line breaks inside values become spaces and surrounding blanks are
     * trimmed, so a value can never start a new header line. A key that is not a valid field name
     * (a token) is left out altogether: written, it could smuggle a line of its own or break the
     * {@code name: value} shape.
     *
     * <p>A value whose chars all fit in a byte is written one byte per char, so that a value read
     * from a connection goes back out as the same bytes; a value with a char above U+00FF is
     * text, written as its UTF-8 bytes ({@link WireString#fromValue}, where the whole rule is).
     */
    @Mirrors(file = "net/http/header.go", func = "Header.writeSubset")
    public void write(OutputStream out, Set<String> exclude) throws IOException {
        for (Map.Entry<String, List<String>> e : asMap().entrySet()) {
            if (exclude.contains(e.getKey())) continue;
            if (!Guts.validHeaderFieldName(e.getKey())) continue;
            for (String v : e.getValue()) {
                String value = WireString.fromValue(trim(v.replace('\n', ' ').replace('\r', ' ')));
                out.write((e.getKey() + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Writes all fields in wire format. */
    @Mirrors(file = "net/http/header.go", func = "Header.Write")
    public void write(OutputStream out) throws IOException {
        write(out, Set.of());
    }

    /**
     * Whether this header asks to switch protocols: an {@code Upgrade} value, and the
     * {@code upgrade} token in some {@code Connection} line.
     */
    @Mirrors(file = "net/http/response.go", func = "isProtocolSwitchHeader")
    public boolean isProtocolSwitch() {
        return !get("Upgrade").isEmpty() && Guts.headerValuesContainsToken(values("Connection"), "Upgrade");
    }
}
