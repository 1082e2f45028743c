package nethttp.visualizer.model;

/** The chapters of the book that the visualizer's explanations point to. */
public enum Chapter {
    ACCEPT_LOOP(3, "Server and the accept loop", "ch03-server"),
    CONN_SERVE(4, "The conn.serve loop and the connection states", "ch04-conn-serve"),
    READ_REQUEST(5, "readRequest and textproto", "ch05-read-request"),
    TRANSFER(6, "Transfer encodings", "ch06-transfer"),
    WRITING(7, "Writing the response", "ch07-response"),
    CLIENT(8, "Client and Transport", "ch08-transport"),
    GETCONN_RACE(9, "The getConn race", "ch09-getconn-race"),
    TIMEOUTS(10, "Timeouts, shutdown and hardening", "ch10-hardening");

    private final int number;
    private final String title;
    private final String page;

    Chapter(int number, String title, String page) {
        this.number = number;
        this.title = title;
        this.page = page;
    }

    /** The chapter's page in the book's sources and its HTML build, without extension: {@code ch04-conn-serve}. */
    public String page() {
        return page;
    }

    public String title() {
        return title;
    }

    /** {@code Chapter 4, "The conn.serve loop and the connection states"}. */
    public String cite() {
        return "Chapter " + number + ", \"" + title + "\"";
    }

    public int number() {
        return number;
    }
}
