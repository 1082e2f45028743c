/**
 * The demo server and the command line: {@code serve} runs the routes of {@link
 * nethttp.demo.DemoRoutes} ({@code /}, {@code /echo}, {@code /stream}, {@code /slow}), with
 * {@code --trace} printing the server's events as they happen.
 *
 * <p>{@code /echo} answers with the request as the server parsed it, as JSON with Go's field
 * names ({@link nethttp.demo.EchoHandler}, {@link nethttp.demo.Json}); the differential suite runs
 * the same routes on Go's net/http and compares the replies byte for byte. {@code get} and
 * {@code post} fetch through a {@code Client} over Go's {@code DefaultTransport} settings.
 *
 * <p>It retells no Go file: it is an application of the library, the top of the package graph,
 * and nothing in the library imports it. It is compiled with the library, so that
 * {@code mvn -pl src compile exec:exec} runs it, but ships in a jar of its own (classifier
 * {@code demo}), not in the library's jar.
 */
package nethttp.demo;
