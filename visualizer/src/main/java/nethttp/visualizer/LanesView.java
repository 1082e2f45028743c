package nethttp.visualizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import nethttp.core.ConnState;
import nethttp.visualizer.model.CodeLinks;
import nethttp.visualizer.model.Explanation;
import nethttp.visualizer.model.Lanes;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Note;
import nethttp.visualizer.model.WireBytes;

/**
 * The lanes: one row per connection, coloured by its state, and one row per thread role on that
 * connection, running or parked; a client transport's rows (tinted, labelled with the
 * transport's name) come before the server's, a rule between the groups; time runs left to
 * right, one step per happening, up to the current position. Only the rows in view are drawn,
 * so hundreds of lanes stay smooth.
 *
 * <p>Everything is measured in units of {@link #zoom}, so fonts, rows and ticks grow together
 * for a lecture hall. Horizontally the view can be zoomed and panned ({@link #hZoom}) to read
 * long races step by step; the cursor is kept in view while it moves.
 *
 * <p>The palette is Okabe and Ito's, chosen for colour-blind viewers, with the connection states
 * also apart in lightness (they stay distinct in greyscale) and the thread states apart in shape:
 * a running thread is a thin solid bar, a parked one a hollow outline.
 */
final class LanesView extends Region {
    /** Sizes at zoom 1. */
    static final double ROW_1 = 20, RULER_1 = 24, FONT_1 = 12;

    static final Color NEW = Color.web("#56b4e9");
    static final Color ACTIVE = Color.web("#006b4f");
    static final Color IDLE = Color.web("#f0e442");
    static final Color HIJACKED = Color.web("#cc79a7");
    static final Color CLOSED = Color.web("#333333");
    static final Color RUNNING = Color.web("#0072b2");
    static final Color PARKED = Color.web("#ffffff");
    static final Color PARKED_EDGE = Color.web("#0072b2");
    static final Color NOTE = Color.web("#6a1b9a");
    static final Color TO_SERVER = Color.web("#0072b2");
    static final Color TO_CLIENT = Color.web("#d55e00");
    /** The colours that tie a client's connection to the server's connection it talks to. */
    static final List<Color> LINKS = List.of(Color.web("#e69f00"), Color.web("#cc79a7"), Color.web("#009e73"),
            Color.web("#56b4e9"), Color.web("#d55e00"), Color.web("#999999"));

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final BiConsumer<Explanation, CodeLinks.Ref> onExplain;
    private Model model;
    private int position;
    private int highlightedIndex = -1;
    private boolean timeScale;
    private long t0, t1;
    private double zoom = 1;
    /** The horizontal zoom: 1 shows the whole recording; 4 shows a quarter of it. */
    private double hZoom = 1;
    /** The fraction of the recording left of the view, 0 when the view starts at step 0. */
    private double hStart;
    private double gutter = 172;
    /** Whether the newest lanes are kept in view, as when following a live server. */
    private boolean showNewest;

    LanesView(BiConsumer<Explanation, CodeLinks.Ref> onExplain) {
        this.onExplain = onExplain;
        setId("lanes");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> draw());
        getChildren().addAll(canvas, scroll);
        canvas.setOnMouseClicked(e -> explainAt(e.getX(), e.getY()));
        setOnScroll(e -> {
            if (e.isControlDown()) {
                zoomHorizontally(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX());
            } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                double d = e.isShiftDown() ? e.getDeltaY() + e.getDeltaX() : e.getDeltaX();
                panBy(-d / Math.max(1, contentWidth()));
            } else {
                showNewest = false;
                scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(), scroll.getValue() - e.getDeltaY() / row())));
            }
            e.consume();
        });
        setMinSize(200, 120);
    }

    double row() {
        return ROW_1 * zoom;
    }

    double ruler() {
        return RULER_1 * zoom;
    }

    /** The font of the lanes' labels, in pixels. */
    double fontSize() {
        return FONT_1 * zoom;
    }

    void setZoom(double z) {
        zoom = z;
        draw();
    }

    /** Keeps the last lanes in view as lanes are added. */
    void setShowNewest(boolean on) {
        showNewest = on;
    }

    /** Spaces happenings by their time rather than one step each. */
    void setTimeScale(boolean on) {
        timeScale = on;
        draw();
    }

    double hZoom() {
        return hZoom;
    }

    /** Zooms the time axis by {@code factor} around {@code x} (a canvas coordinate). */
    void zoomHorizontally(double factor, double x) {
        double w = contentWidth();
        double at = hStart + (Math.max(0, x - gutter) / Math.max(1, w)) / hZoom;
        hZoom = Math.max(1, Math.min(200, hZoom * factor));
        hStart = at - (Math.max(0, x - gutter) / Math.max(1, w)) / hZoom;
        clampPan();
        draw();
    }

    /** Zooms the time axis around the cursor. */
    void zoomHorizontallyAtCursor(double factor) {
        zoomHorizontally(factor, cursorX());
    }

    /** Shows the whole recording again. */
    void resetHorizontalZoom() {
        hZoom = 1;
        hStart = 0;
        draw();
    }

    /** Moves the view by {@code fraction} of its width. */
    void panBy(double fraction) {
        hStart += fraction / hZoom;
        clampPan();
        draw();
    }

    private void clampPan() {
        hStart = Math.max(0, Math.min(1 - 1 / hZoom, hStart));
    }

    void show(Model model, int position) {
        if (model != this.model) {
            hZoom = 1;
            hStart = 0;
        }
        this.model = model;
        if (model.size() > 0) {
            t0 = model.startNanos();
            t1 = Math.max(t0 + 1, model.get(model.size() - 1).nanos());
        }
        this.position = position;
        this.highlightedIndex = position - 1;
        keepCursorInView();
        draw();
    }

    /** When zoomed in, pans so that the cursor stays in view. */
    private void keepCursorInView() {
        if (hZoom <= 1 || model == null) return;
        double f = fractionOf(timeScale ? Math.max(0, position - 1) : position);
        double span = 1 / hZoom;
        if (f < hStart || f > hStart + span) hStart = f - span * 0.8;
        clampPan();
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
        return (int) Math.max(1, (canvas.getHeight() - ruler()) / row());
    }

    private double contentWidth() {
        return Math.max(1, canvas.getWidth() - gutter - 8 * zoom);
    }

    /** Where happening {@code index} lies on the whole recording, 0 to 1. */
    private double fractionOf(int index) {
        if (model == null || model.size() == 0) return 0;
        if (timeScale) {
            long t = model.get(Math.min(index, model.size() - 1)).nanos();
            return Math.max(0, Math.min(1, (t - t0) / (double) (t1 - t0)));
        }
        return index / (double) Math.max(1, model.size());
    }

    /**
     * The x of the left edge of happening {@code index}, or of position {@code index}: by steps,
     * or on the time scale at the moment of the last happening applied there.
     */
    double xOf(int index) {
        return gutter + (fractionOf(index) - hStart) * hZoom * contentWidth();
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
            if (lanes.get(first + r).label().equals(label)) return ruler() + r * row() + row() / 2;
        }
        return -1;
    }

    /** The width of the lanes' label column. */
    double gutter() {
        return gutter;
    }

    Canvas canvas() {
        return canvas;
    }

    private Font font() {
        return Font.font("Monospaced", fontSize());
    }

    /** The label column fits the longest label and its port, but takes at most a third of the width. */
    private double measureGutter(List<Lanes.Lane> lanes) {
        Text t = new Text();
        t.setFont(font());
        double widest = 0;
        for (Lanes.Lane l : lanes) {
            t.setText(shownLabel(l) + portText(l) + " ");
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return Math.max(100 * zoom, Math.min(canvas.getWidth() * 0.4, widest + 8 * zoom));
    }

    /**
     * A lane's label as drawn: a thread lane, indented under its connection, leaves out the
     * transport's name that the connection's label already gives.
     */
    private static String shownLabel(Lanes.Lane l) {
        if (l.kind() != Lanes.Kind.THREAD) return l.label();
        String name = nethttp.visualizer.model.Describe.roleName(l.role());
        return "  " + (l.conn() == 0 ? name : name + " #" + l.conn());
    }

    private static String portText(Lanes.Lane l) {
        String addr = l.clientAddr();
        if (l.kind() == Lanes.Kind.THREAD || addr.isEmpty()) return "";
        return " :" + addr.substring(addr.lastIndexOf(':') + 1);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (model == null) return;
        List<Lanes.Lane> lanes = lanes();
        gutter = measureGutter(lanes);
        if (w <= gutter) return;
        int rows = rowsInView();
        scroll.setMax(Math.max(0, lanes.size() - rows));
        scroll.setVisibleAmount(rows);
        if (showNewest) scroll.setValue(scroll.getMax());
        int first = (int) Math.min(scroll.getValue(), Math.max(0, lanes.size() - 1));
        Map<String, Color> links = linkColours();
        drawRuler(g, w);
        g.setFont(font());
        for (int r = 0; r < rows && first + r < lanes.size(); r++) {
            drawLane(g, lanes.get(first + r), r == 0 ? null : lanes.get(first + r - 1), ruler() + r * row(), w, links);
        }
        double cx = cursorX();
        if (cx >= gutter - 1) {
            g.setStroke(Color.web("#d32f2f"));
            g.setLineWidth(2 * zoom);
            g.strokeLine(cx, ruler() - 6 * zoom, cx, h);
        }
    }

    /**
     * A colour per client address that both ends know: the server's connection and the client
     * connection it talks to get the same one. Addresses only one end knows get none.
     */
    private Map<String, Color> linkColours() {
        Map<String, Integer> seen = new HashMap<>();
        for (Lanes.Lane l : model.lanes().all()) {
            if (l.kind() != Lanes.Kind.THREAD && !l.clientAddr().isEmpty()) seen.merge(l.clientAddr(), 1, Integer::sum);
        }
        Map<String, Color> out = new HashMap<>();
        int i = 0;
        for (Lanes.Lane l : model.lanes().all()) {
            if (l.kind() == Lanes.Kind.CONN && seen.getOrDefault(l.clientAddr(), 0) > 1 && !out.containsKey(l.clientAddr())) {
                out.put(l.clientAddr(), LINKS.get(i++ % LINKS.size()));
            }
        }
        return out;
    }

    private void drawRuler(GraphicsContext g, double w) {
        double ruler = ruler();
        g.setFill(Color.web("#eceff1"));
        g.fillRect(0, 0, w, ruler);
        g.setFill(Color.web("#263238"));
        g.setFont(Font.font("SansSerif", fontSize()));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("step " + position + " / " + model.size() + (hZoom > 1 ? String.format("  (x%.1f)", hZoom) : ""), 6 * zoom, ruler / 2);
        g.save();
        g.beginPath();
        g.rect(gutter - 20 * zoom, 0, w, ruler);
        g.clip();
        int n = model.size();
        g.setTextAlign(TextAlignment.CENTER);
        g.setStroke(Color.web("#78909c"));
        g.setLineWidth(1);
        double visible = contentWidth() * hZoom;
        if (timeScale) {
            double ms = (t1 - t0) / 1e6;
            int every = niceStep((int) Math.ceil(ms), visible / (70 * zoom));
            for (int t = 0; t <= ms; t += every) {
                double x = gutter + (t / ms - hStart) * visible;
                if (x < gutter - 1 || x > w) continue;
                g.strokeLine(x, ruler - 5 * zoom, x, ruler);
                g.fillText(t + " ms", x, ruler / 2 - 2 * zoom);
            }
        } else {
            int every = niceStep(n, visible / (60 * zoom));
            for (int i = 0; i <= n; i += every) {
                double x = xOf(i);
                if (x < gutter - 1 || x > w) continue;
                g.strokeLine(x, ruler - 5 * zoom, x, ruler);
                g.fillText(Integer.toString(i), x, ruler / 2 - 2 * zoom);
            }
        }
        g.setFill(NOTE);
        double s = 5 * zoom;
        for (int i = 0; i < Math.min(position, n); i++) {
            if (model.get(i) instanceof Note) {
                double x = xOf(i);
                g.fillPolygon(new double[] {x - s, x + s, x}, new double[] {ruler - 1.6 * s, ruler - 1.6 * s, ruler}, 3);
            }
        }
        g.restore();
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

    private void drawLane(GraphicsContext g, Lanes.Lane lane, Lanes.Lane above, double y, double w, Map<String, Color> links) {
        double row = row();
        boolean conn = lane.kind() != Lanes.Kind.THREAD;
        boolean client = lane.kind() == Lanes.Kind.CLIENT_CONN;
        g.setFill(conn ? (lane.source().isEmpty() ? Color.web("#f5f5f5") : Color.web("#e8eaf6")) : Color.WHITE);
        g.fillRect(0, y, w, row);

        g.save();
        g.beginPath();
        g.rect(gutter, y, w - gutter, row);
        g.clip();
        List<Lanes.Change> changes = lane.changes();
        for (int i = 0; i < changes.size(); i++) {
            Lanes.Change c = changes.get(i);
            if (c.index() >= position) break;
            int end = i + 1 < changes.size() && changes.get(i + 1).index() < position ? changes.get(i + 1).index() : position;
            double x0 = xOf(c.index()), x1 = Math.max(x0 + 2, end == position ? cursorX() : xOf(end));
            if (x1 < gutter || x0 > w) continue;
            drawSpan(g, conn, client, c, x0, x1, y);
        }
        if (lane.kind() == Lanes.Kind.CONN) drawWire(g, lane, y);
        g.restore();

        // The label column, drawn over anything that scrolled under it.
        g.setFill(conn ? (lane.source().isEmpty() ? Color.web("#f5f5f5") : Color.web("#e8eaf6")) : Color.WHITE);
        g.fillRect(0, y, gutter, row);
        g.setStroke(Color.web("#cfd8dc"));
        g.setLineWidth(1);
        g.strokeLine(gutter - 0.5, y, gutter - 0.5, y + row);
        if (above != null && !above.source().equals(lane.source())) {
            // Where one transport's lanes (or the server's) begin: a rule across the view.
            g.setStroke(Color.web("#3949ab"));
            g.setLineWidth(2 * zoom);
            g.strokeLine(0, y, w, y);
        }
        g.setFill(Color.web(conn ? "#000000" : "#37474f"));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(shownLabel(lane), 4 * zoom, y + row / 2);
        String port = portText(lane);
        if (!port.isEmpty()) {
            Color link = links.get(lane.clientAddr());
            Text t = new Text(port.trim());
            t.setFont(font());
            double pw = t.getLayoutBounds().getWidth() + 6 * zoom;
            double px = gutter - pw - 3 * zoom;
            if (link != null) {
                g.setFill(link);
                g.fillRoundRect(px, y + 2 * zoom, pw, row - 4 * zoom, 6 * zoom, 6 * zoom);
            }
            g.setFill(Color.BLACK);
            g.fillText(port.trim(), px + 3 * zoom, y + row / 2);
        }
        if (highlightedIndex >= 0 && changes.stream().anyMatch(c -> c.index() == highlightedIndex)) {
            g.setStroke(Color.web("#d32f2f"));
            g.setLineWidth(1.5 * zoom);
            g.strokeRect(1, y + 1, gutter - 3, row - 2);
        }
    }

    private void drawSpan(GraphicsContext g, boolean conn, boolean client, Lanes.Change c, double x0, double x1, double y) {
        double row = row();
        String state = c.state();
        if (!conn) {
            if (state.equals("running")) {
                g.setFill(RUNNING);
                g.fillRect(x0, y + row * 0.3, x1 - x0, row * 0.4);
            } else if (state.equals("parked")) {
                g.setFill(PARKED);
                g.fillRect(x0, y + row * 0.2, x1 - x0, row * 0.6);
                g.setStroke(PARKED_EDGE);
                g.setLineWidth(Math.max(1, zoom));
                g.setLineDashes(4 * zoom, 3 * zoom);
                g.strokeRect(x0 + 0.5, y + row * 0.2, x1 - x0 - 1, row * 0.6);
                g.setLineDashes();
                label(g, c.on(), Color.BLACK, x0, x1, y);
            }
            return;
        }
        Color fill = client ? clientColourOf(state) : colourOf(true, state);
        if (fill == null) return;
        double top = y + 2 * zoom, height = row - 4 * zoom;
        if (state.equals("closed")) {
            // A dead connection: a solid block where it closed, then a thin dark band, so "closed"
            // reads as a state, not a hairline.
            double block = Math.min(Math.max(10 * zoom, 0), Math.max(x1 - x0, 10 * zoom));
            g.setFill(CLOSED);
            g.fillRect(x0, top, block, height);
            g.setStroke(Color.WHITE);
            g.setLineWidth(Math.max(1.5, 1.5 * zoom));
            g.setLineCap(StrokeLineCap.ROUND);
            double cx = x0 + block / 2, cy = y + row / 2, r = Math.min(block, height) * 0.28;
            g.strokeLine(cx - r, cy - r, cx + r, cy + r);
            g.strokeLine(cx - r, cy + r, cx + r, cy - r);
            if (x1 > x0 + block) {
                g.setFill(CLOSED);
                g.fillRect(x0 + block, y + row * 0.72, x1 - x0 - block, row * 0.14);
                label(g, "closed" + (c.on().isEmpty() ? "" : " (" + c.on() + ")"), Color.BLACK, x0 + block, x1, y);
            }
            return;
        }
        g.setFill(fill);
        g.fillRect(x0, top, x1 - x0, height);
        if (state.equals("hijacked")) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(Math.max(1, zoom));
            for (double x = x0; x < x1 + height; x += 6 * zoom) g.strokeLine(Math.max(x0, x - height), top + height, Math.min(x1, x), top);
        }
        // An outline keeps light states (idle, on white) visible as bars.
        g.setStroke(Color.web("#37474f"));
        g.setLineWidth(1);
        g.strokeRect(x0 + 0.5, top + 0.5, x1 - x0 - 1, height - 1);
        String text = c.on().isEmpty() ? state : c.on();
        label(g, text, textOn(fill), x0, x1, y);
    }

    /** Draws a legend's sample of {@code state} into a {@code w} by {@code h} canvas. */
    void drawSwatch(GraphicsContext g, boolean conn, String state, double w, double h) {
        g.clearRect(0, 0, w, h);
        drawSpan(g, conn, false, new Lanes.Change(0, state, ""), 0, w, (h - row()) / 2);
    }

    /** Writes {@code text} inside the span when it fits. */
    private void label(GraphicsContext g, String text, Color colour, double x0, double x1, double y) {
        if (text.isEmpty()) return;
        double charWidth = fontSize() * 0.62;
        double from = Math.max(x0, gutter);
        if (x1 - from > charWidth * text.length() + 6 * zoom) {
            g.setFill(colour);
            g.fillText(text, from + 3 * zoom, y + row() / 2);
        }
    }

    /** Black or white, whichever reads better on {@code fill}. */
    static Color textOn(Color fill) {
        return luminance(fill) > 0.18 ? Color.BLACK : Color.WHITE;
    }

    /** The relative luminance of {@code c}, as WCAG defines it: what is left of it in greyscale. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The contrast of two colours, 1 (none) to 21 (black on white). */
    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private void drawWire(GraphicsContext g, Lanes.Lane lane, double y) {
        double row = row(), s = 4 * zoom;
        for (Lanes.WireMark m : lane.wire()) {
            if (m.index() >= position) break;
            double x = xOf(m.index());
            boolean up = m.wire().direction() == WireBytes.Direction.TO_SERVER;
            g.setFill(up ? TO_SERVER : TO_CLIENT);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1);
            double[] xs = {x - s, x + s, x};
            double[] ys = up ? new double[] {y + row - 1, y + row - 1, y + row - 1 - 1.6 * s} : new double[] {y + 1, y + 1, y + 1 + 1.6 * s};
            g.fillPolygon(xs, ys, 3);
            g.strokePolygon(xs, ys, 3);
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
        if (model == null || y < ruler()) return;
        List<Lanes.Lane> lanes = lanes();
        int row = (int) ((y - ruler()) / row()) + (int) scroll.getValue();
        if (row >= lanes.size()) return;
        Lanes.Lane lane = lanes.get(row);
        int at = x < gutter ? position : indexAt(x);
        Lanes.Change c = lane.changeAt(Math.min(Math.max(at, 1), position));
        if (c == null) c = lane.changeAt(position);
        if (c == null) return;
        CodeLinks.Ref code = CodeLinks.of(lane, c);
        if (lane.kind() == Lanes.Kind.CLIENT_CONN) {
            onExplain.accept(Explanation.ofClientConn(c.state(), c.on()), code);
        } else if (lane.kind() == Lanes.Kind.CONN) {
            onExplain.accept(Explanation.of(ConnState.valueOf(c.state().toUpperCase(java.util.Locale.ROOT))), code);
        } else {
            onExplain.accept(Explanation.of(lane.role(), c.state(), c.on()), code);
        }
    }
}
