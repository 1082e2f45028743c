package nethttp.visualizer.model;

/**
 * One entry of a recording: an event the library emitted, or something the visualizer saw from
 * outside the library (bytes its clients put on the wire, a note about what a scenario does).
 *
 * <p>Every kind is a record of plain values (numbers, strings, enums), so that
 * {@link RecordingFile} can write and read any of them, and new kinds of library events (the
 * client's, for instance) are recorded without new code.
 */
public sealed interface Happening permits LibraryEvent, WireBytes, Note {
    /** When it happened, from {@link System#nanoTime()}. */
    long nanos();
}
