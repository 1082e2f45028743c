package nethttp.visualizer.model;

/**
 * Bytes that crossed a connection, as one of the visualizer's own clients wrote or read them.
 *
 * @param clientAddr the client's end of the connection, {@code ip:port}: the server knows the
 *                   connection by this address (its {@code remoteAddr})
 * @param direction  which way the bytes went
 * @param bytes      the bytes, one char per byte (ISO-8859-1)
 */
public record WireBytes(long nanos, String clientAddr, Direction direction, String bytes) implements Happening {

    /** Which way bytes travel. */
    public enum Direction {
        TO_SERVER,
        TO_CLIENT;

        /** An arrow for logs: {@code "->"} towards the server. */
        public String arrow() {
            return this == TO_SERVER ? "->" : "<-";
        }
    }
}
