package nethttp.visualizer;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import nethttp.core.ConnState;
import nethttp.visualizer.model.Explanation;
import nethttp.visualizer.model.Lanes;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Note;
import nethttp.visualizer.model.WireBytes;

/**
 * The lanes: one row per connection, coloured by its state, and one row per thread role on that
 * connection, running or parked; a client transport's rows (tinted, labelled with the
 * transport's name) come before the server's, a rule between the groups; time runs left to right, one step per happening, up to the
 * current position. Only the rows in view are drawn, so hundreds of lanes stay smooth.
 */
final class LanesView extends Region {
    static final double ROW = 18;
    static final double RULER = 22;
    static final double GUTTER = 172;

    static final Color NEW = Color.web("#64b5f6");
    static final Color ACTIVE = Color.web("#43a047");
    static final Color IDLE = Color.web("#ffb300");
    static final Color HIJACKED = Color.web("#8e24aa");
    static final Color CLOSED = Color.web("#9e9e9e");
    static final Color RUNNING = Color.web("#2e7d32");
    static final Color PARKED = Color.web("#b0bec5");
    static final Color NOTE = Color.web("#6a1b9a");
    private static final Color TO_SERVER = Color.web("#1565c0");
    private static final Color TO_CLIENT = Color.web("#c62828");

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Consumer<Explanation> onExplain;
    private Model model;
    private int position;
    private int highlightedIndex = -1;
    private boolean timeScale;
    private long t0, t1;

    LanesView(Consumer<Explanation> onExplain) {
        this.onExplain = onExplain;
        setId("lanes");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> draw());
        getChildren().addAll(canvas, scroll);
        canvas.setOnMouseClicked(e -> explainAt(e.getX(), e.getY()));
        setOnScroll(e -> scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(), scroll.getValue() - e.getDeltaY() / ROW))));
        setMinSize(300, 200);
    }

    /** Spaces happenings by their time rather than one step each. */
    void setTimeScale(boolean on) {
        timeScale = on;
        draw();
    }

    void show(Model model, int position) {
        this.model = model;
        if (model.size() > 0) {
            t0 = model.startNanos();
            t1 = Math.max(t0 + 1, model.get(model.size() - 1).nanos());
        }
        this.position = position;
        this.highlightedIndex = position - 1;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double sw = scroll.prefWidth(-1);
        scroll.resizeRelocate(w - sw, 0, sw, h);
        canvas.setWidth(Math.max(0, w - sw));
        canvas.setHeight(h);
        draw();
    }

    private List<Lanes.Lane> lanes() {
        return model == null ? List.of() : model.lanes().visibleAt(position);
    }

    private int rowsInView() {
        return (int) Math.max(1, (canvas.getHeight() - RULER) / ROW);
    }

    /**
     * The x of the left edge of happening {@code index}, or of position {@code index}: by steps,
     * or on the time scale at the moment of the last happening applied there.
     */
    double xOf(int index) {
        double width = canvas.getWidth() - GUTTER - 8;
        if (timeScale && model != null && model.size() > 0) {
            long t = model.get(Math.min(index, model.size() - 1)).nanos();
            return GUTTER + Math.max(0, Math.min(1, (t - t0) / (double) (t1 - t0))) * width;
        }
        double span = Math.max(1, model == null ? 1 : model.size());
        return GUTTER + index * width / span;
    }

    /** The position the cursor stands for, on the current scale. */
    private double cursorX() {
        return timeScale ? xOf(Math.max(0, position - 1)) : xOf(position);
    }

    /** The y of the middle of the lane with {@code label}, or -1 when it is not in view. */
    double yOf(String label) {
        List<Lanes.Lane> lanes = lanes();
        int first = (int) scroll.getValue();
        for (int r = 0; r < rowsInView() && first + r < lanes.size(); r++) {
            if (lanes.get(first + r).label().equals(label)) return RULER + r * ROW + ROW / 2;
        }
        return -1;
    }

    Canvas canvas() {
        return canvas;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (model == null || w <= GUTTER) return;
        List<Lanes.Lane> lanes = lanes();
        int rows = rowsInView();
        scroll.setMax(Math.max(0, lanes.size() - rows));
        scroll.setVisibleAmount(rows);
        int first = (int) Math.min(scroll.getValue(), Math.max(0, lanes.size() - 1));
        drawRuler(g, w);
        g.setFont(Font.font("Monospaced", 11));
        for (int r = 0; r < rows && first + r < lanes.size(); r++) {
            drawLane(g, lanes.get(first + r), r == 0 ? null : lanes.get(first + r - 1), RULER + r * ROW, w);
        }
        double cx = cursorX();
        g.setStroke(Color.web("#d32f2f"));
        g.setLineWidth(1.5);
        g.strokeLine(cx, RULER - 6, cx, h);
    }

    private void drawRuler(GraphicsContext g, double w) {
        g.setFill(Color.web("#eceff1"));
        g.fillRect(0, 0, w, RULER);
        g.setFill(Color.web("#37474f"));
        g.setFont(Font.font("SansSerif", 10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("step " + position + " / " + model.size(), 6, RULER / 2);
        int n = model.size();
        g.setTextAlign(TextAlignment.CENTER);
        g.setStroke(Color.web("#b0bec5"));
        if (timeScale) {
            double ms = (t1 - t0) / 1e6;
            int every = niceStep((int) Math.ceil(ms), (w - GUTTER) / 70);
            for (int t = 0; t <= ms; t += every) {
                double x = GUTTER + t / ms * (w - GUTTER - 8);
                g.strokeLine(x, RULER - 5, x, RULER);
                g.fillText(t + " ms", x, RULER / 2 - 2);
            }
        } else {
            int every = niceStep(n, (w - GUTTER) / 60);
            for (int i = 0; i <= n; i += every) {
                double x = xOf(i);
                g.strokeLine(x, RULER - 5, x, RULER);
                g.fillText(Integer.toString(i), x, RULER / 2 - 2);
            }
        }
        g.setFill(NOTE);
        for (int i = 0; i < Math.min(position, n); i++) {
            if (model.get(i) instanceof Note) {
                double x = xOf(i);
                g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {RULER - 7, RULER - 7, RULER}, 3);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** A tick spacing from 1, 2, 5, 10, 20, 50, ... giving at most about {@code ticks} ticks. */
    private static int niceStep(int n, double ticks) {
        double raw = n / Math.max(1, ticks);
        int[] mantissas = {1, 2, 5};
        for (int scale = 1; ; scale *= 10) {
            for (int m : mantissas) if (m * scale >= raw) return m * scale;
        }
    }

    private void drawLane(GraphicsContext g, Lanes.Lane lane, Lanes.Lane above, double y, double w) {
        boolean conn = lane.kind() != Lanes.Kind.THREAD;
        boolean client = lane.kind() == Lanes.Kind.CLIENT_CONN;
        g.setFill(conn ? (lane.source().isEmpty() ? Color.web("#f5f5f5") : Color.web("#e8eaf6")) : Color.WHITE);
        g.fillRect(0, y, w, ROW);
        if (above != null && !above.source().equals(lane.source())) {
            // Where one transport's lanes (or the server's) begin: a rule across the view.
            g.setStroke(Color.web("#3949ab"));
            g.setLineWidth(2);
            g.strokeLine(0, y, w, y);
        }
        g.setFill(Color.web(conn ? "#212121" : "#546e7a"));
        g.setTextBaseline(VPos.CENTER);
        g.fillText((conn ? "" : "  ") + lane.label(), 4, y + ROW / 2);
        List<Lanes.Change> changes = lane.changes();
        for (int i = 0; i < changes.size(); i++) {
            Lanes.Change c = changes.get(i);
            if (c.index() >= position) break;
            int end = i + 1 < changes.size() && changes.get(i + 1).index() < position ? changes.get(i + 1).index() : position;
            double x0 = xOf(c.index()), x1 = Math.max(x0 + 2, end == position ? cursorX() : xOf(end));
            Color fill = client ? clientColourOf(c.state()) : colourOf(conn, c.state());
            if (fill == null) continue;
            boolean terminal = conn && (c.state().equals("closed") || c.state().equals("hijacked"));
            if (terminal) {
                g.setFill(fill);
                g.fillRect(x0, y + 2, 2, ROW - 4);
                continue;
            }
            g.setFill(fill);
            g.fillRect(x0, y + 3, x1 - x0, ROW - 6);
            String text = c.on().isEmpty() ? (conn ? c.state() : "") : c.on();
            if (!text.isEmpty() && x1 - x0 > 7 * text.length() + 6) {
                g.setFill(Color.web(conn || c.state().equals("parked") ? "#212121" : "#ffffff"));
                g.fillText(text, x0 + 3, y + ROW / 2);
            }
        }
        if (lane.kind() == Lanes.Kind.CONN) drawWire(g, lane, y);
        if (highlightedIndex >= 0 && changes.stream().anyMatch(c -> c.index() == highlightedIndex)) {
            g.setStroke(Color.web("#d32f2f"));
            g.setLineWidth(1);
            g.strokeRect(1, y + 1, GUTTER - 6, ROW - 2);
        }
    }

    private void drawWire(GraphicsContext g, Lanes.Lane lane, double y) {
        for (Lanes.WireMark m : lane.wire()) {
            if (m.index() >= position) break;
            double x = xOf(m.index());
            boolean up = m.wire().direction() == WireBytes.Direction.TO_SERVER;
            g.setFill(up ? TO_SERVER : TO_CLIENT);
            if (up) g.fillPolygon(new double[] {x - 3, x + 3, x}, new double[] {y + ROW - 1, y + ROW - 1, y + ROW - 6}, 3);
            else g.fillPolygon(new double[] {x - 3, x + 3, x}, new double[] {y + 1, y + 1, y + 6}, 3);
        }
    }

    /** The colour of a connection state or a thread's state; null for nothing drawn. */
    static Color colourOf(boolean conn, String state) {
        if (conn) {
            return switch (ConnState.valueOf(state.toUpperCase(java.util.Locale.ROOT))) {
                case NEW -> NEW;
                case ACTIVE -> ACTIVE;
                case IDLE -> IDLE;
                case HIJACKED -> HIJACKED;
                case CLOSED -> CLOSED;
            };
        }
        return switch (state) {
            case "running" -> RUNNING;
            case "parked" -> PARKED;
            default -> null;
        };
    }

    /** The colour of a client connection's state, as the server's states are coloured. */
    static Color clientColourOf(String state) {
        return switch (state) {
            case "dialing" -> NEW;
            case "in use" -> ACTIVE;
            case "idle" -> IDLE;
            default -> CLOSED;
        };
    }

    /** The position whose drawing covers {@code x}: the first happening drawn right of it. */
    private int indexAt(double x) {
        int lo = 0, hi = model.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xOf(mid) < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void explainAt(double x, double y) {
        if (model == null || y < RULER) return;
        List<Lanes.Lane> lanes = lanes();
        int row = (int) ((y - RULER) / ROW) + (int) scroll.getValue();
        if (row >= lanes.size()) return;
        Lanes.Lane lane = lanes.get(row);
        int at = x < GUTTER ? position : indexAt(x);
        Lanes.Change c = lane.changeAt(Math.min(Math.max(at, 1), position));
        if (c == null) c = lane.changeAt(position);
        if (c == null) return;
        if (lane.kind() == Lanes.Kind.CLIENT_CONN) {
            onExplain.accept(Explanation.ofClientConn(c.state(), c.on()));
        } else if (lane.kind() == Lanes.Kind.CONN) {
            onExplain.accept(Explanation.of(ConnState.valueOf(c.state().toUpperCase(java.util.Locale.ROOT))));
        } else {
            onExplain.accept(Explanation.of(lane.role(), c.state().equals("parked"), c.on()));
        }
    }
}
