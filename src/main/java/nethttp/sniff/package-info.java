/**
 * Content sniffing: how a server names the media type of a body its handler did not label.
 *
 * <p>When a handler writes a response without setting {@code Content-Type}, Go's server looks at
 * the first 512 bytes and picks a type by the WHATWG MIME Sniffing rules: HTML is recognised by
 * its opening tags, images, audio, video, fonts and archives by their magic numbers, text by the
 * absence of binary control bytes. {@link nethttp.sniff.Sniff#detectContentType(byte[])} is that
 * decision; the table of signatures lives beside it, one small record per kind of test.
 *
 * <p>Retells {@code net/http/sniff.go}.
 *
 * <p>Told in chapter 7 of the book, "Writing the response".
 */
package nethttp.sniff;
