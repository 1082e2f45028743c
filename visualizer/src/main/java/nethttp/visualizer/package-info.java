/**
 * The visualizer: a JavaFX window that runs the library's server, and its client Transport or raw
 * socket clients, in-process and animates their connections and virtual threads, one recorded
 * event at a time.
 *
 * <p>{@link nethttp.visualizer.VisualizerApp} opens the window; {@code MainView} holds the
 * controls, the keys and the position in the recording, and {@code LanesView} draws the lanes,
 * both scaled by one zoom factor for a lecture hall. What the
 * lanes mean is told in chapter 3, "Server and the accept loop", chapter 4, "The conn.serve
 * loop and the connection states"; the client's lanes and its pool list in chapters 8 and 9,
 * "Client and Transport" and "The getConn race".
 */
package nethttp.visualizer;
