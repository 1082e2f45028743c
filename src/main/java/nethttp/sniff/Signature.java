package nethttp.sniff;

/**
 * One row of the sniffing table: a test on the first bytes of a body that, when it passes,
 * names the body's media type.
 */
sealed interface Signature
        permits HtmlSignature, MaskedSignature, ExactSignature, Mp4Signature, TextSignature {

    /**
     * The media type if {@code data} carries this signature, else {@code ""}.
     *
     * @param data the first bytes of the body, at most {@link Sniff#SNIFF_LEN} of them
     * @param firstNonWS the index of the first byte that is not whitespace, or
     *     {@code data.length} when there is none
     */
    String match(byte[] data, int firstNonWS);
}
