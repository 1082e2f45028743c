package nethttp.visualizer.model;

/** The chapters of the book that the visualizer's explanations point to. */
public enum Chapter {
    ACCEPT_LOOP(3, "Server and the accept loop"),
    CONN_SERVE(4, "The conn.serve loop and the connection states"),
    READ_REQUEST(5, "readRequest and textproto"),
    TRANSFER(6, "Transfer encodings"),
    WRITING(7, "Writing the response"),
    CLIENT(8, "Client and Transport"),
    GETCONN_RACE(9, "The getConn race"),
    TIMEOUTS(10, "Timeouts, shutdown and hardening");

    private final int number;
    private final String title;

    Chapter(int number, String title) {
        this.number = number;
        this.title = title;
    }

    /** {@code Chapter 4, "The conn.serve loop and the connection states"}. */
    public String cite() {
        return "Chapter " + number + ", \"" + title + "\"";
    }

    public int number() {
        return number;
    }
}
