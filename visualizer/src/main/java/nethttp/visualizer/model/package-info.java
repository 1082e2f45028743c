/**
 * The visualizer's model, free of JavaFX: a recording is a list of happenings (the library's
 * events, the bytes the scenario's clients sent and read, notes), and the view state at a step is
 * a pure function of the happenings before it. Stepping back, scrubbing and replaying a saved
 * file are therefore exact.
 *
 * <p>Recordings are saved as text ({@link nethttp.visualizer.model.RecordingFile}) and exported
 * as Chrome trace-event JSON for Perfetto ({@link nethttp.visualizer.model.ChromeTrace}). The
 * events themselves are told in chapter 4, "The conn.serve loop and the connection states".
 */
package nethttp.visualizer.model;
