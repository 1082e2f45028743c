package nethttp.visualizer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import nethttp.visualizer.model.BreakOn;
import nethttp.visualizer.model.ChromeTrace;
import nethttp.visualizer.model.Describe;
import nethttp.visualizer.model.Explanation;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Recording;
import nethttp.visualizer.model.RecordingFile;
import nethttp.visualizer.model.ViewState;
import nethttp.visualizer.model.WireBytes;
import nethttp.visualizer.scenario.Scenario;
import nethttp.visualizer.scenario.Scenarios;

/**
 * The window's content: the controls, the lanes, the state of the connections and threads, the
 * wire, the explanation and the event log, all showing {@link Model#stateAt} at one position.
 *
 * <p>Playback moves the position by whole happenings at the chosen speed; stepping, scrubbing,
 * jumping and breaking only ever set the position, so every view is recomputed from the
 * recording and the same position always looks the same.
 */
final class MainView {
    /** The slowest playback, one happening per second, and the fastest. */
    static final double MIN_SPEED = 1, MAX_SPEED = 500;

    /** The height of a line in the side lists. */
    private static final double CELL = 18;

    final BorderPane root = new BorderPane();
    final ComboBox<Scenario> scenarios = new ComboBox<>(FXCollections.observableArrayList(Scenarios.ALL));
    final Button run = button("run", "Run scenario", "Runs the scenario now, against the embedded server, and animates it live");
    final Button play = button("play", "Play", "Plays the recording from here at the chosen speed");
    final Button pause = button("pause", "Pause", "Stops playback");
    final Button stepBack = button("stepBack", "◀ Step", "One happening back");
    final Button stepForward = button("stepForward", "Step ▶", "One happening forward");
    final Button toStart = button("toStart", "|◀ Start", "Back to the start");
    final Slider speed = new Slider(0, Math.log10(MAX_SPEED), 1);
    final Label speedLabel = new Label();
    final ComboBox<BreakOn> breakOn = new ComboBox<>(FXCollections.observableArrayList(BreakOn.values()));
    final TextField jumpField = new TextField();
    final Button jump = button("jump", "Jump", "Jumps to the step typed on the left");
    final Slider timeline = new Slider(0, 0, 0);
    final javafx.scene.control.CheckBox timeScale = new javafx.scene.control.CheckBox("Time scale");
    final Label position = new Label();
    final Label status = new Label();
    final Label description = new Label();
    final TextArea explain = new TextArea();
    final ListView<String> now = new ListView<>();
    final ListView<String> wire = new ListView<>();
    final ListView<String> pool = new ListView<>();
    final ListView<String> log = new ListView<>();
    final LanesView lanes = new LanesView(this::explain);

    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<Happening> incoming = new ConcurrentLinkedQueue<>();
    private Model model = new Model("none");
    private int pos;
    private volatile boolean playing;
    private boolean following;
    private volatile boolean recording;
    private double budget;
    private long lastFrame;
    private boolean updating;

    MainView() {
        build();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        }.start();
        setModel(new Model("none"), 0);
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        return b;
    }

    private void build() {
        scenarios.setId("scenario");
        scenarios.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : s.title();
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        scenarios.getSelectionModel().selectFirst();
        scenarios.valueProperty().addListener((o, a, s) -> description.setText(s == null ? "" : s.description()));
        run.setOnAction(e -> runScenario(scenarios.getValue()));
        play.setOnAction(e -> play());
        pause.setOnAction(e -> pause());
        stepBack.setOnAction(e -> step(-1));
        stepForward.setOnAction(e -> step(1));
        toStart.setOnAction(e -> seek(0));
        speed.setId("speed");
        speed.setPrefWidth(110);
        speed.valueProperty().addListener((o, a, b) -> speedLabel.setText(String.format("%.0f steps/s", eventsPerSecond())));
        speedLabel.setId("speedLabel");
        speedLabel.setText(String.format("%.0f steps/s", eventsPerSecond()));
        speedLabel.setMinWidth(80);
        breakOn.setId("breakOn");
        breakOn.getSelectionModel().select(BreakOn.NOTHING);
        jumpField.setId("jumpField");
        jumpField.setPrefColumnCount(5);
        jumpField.setPromptText("step");
        jumpField.setOnAction(e -> jumpToTyped());
        jump.setOnAction(e -> jumpToTyped());

        Button open = button("open", "Open…", "Opens a saved recording");
        Button save = button("save", "Save…", "Saves this run as a recording file that replays exactly");
        Button export = button("export", "Export trace…", "Exports the Chrome trace-event JSON that Perfetto opens");
        open.setOnAction(e -> chooseAndOpen());
        save.setOnAction(e -> chooseAndSave());
        export.setOnAction(e -> chooseAndExport());

        HBox bar1 = new HBox(6, new Label("Scenario"), scenarios, run, new Separator(Orientation.VERTICAL), open, save, export,
                spacer(), status);
        HBox bar2 = new HBox(6, toStart, stepBack, play, pause, stepForward, new Label("Speed"), speed, speedLabel,
                new Separator(Orientation.VERTICAL), new Label("Break on"), breakOn,
                new Separator(Orientation.VERTICAL), jumpField, jump);
        for (HBox b : List.of(bar1, bar2)) b.setAlignment(Pos.CENTER_LEFT);
        description.setId("description");
        description.setWrapText(true);
        description.setStyle("-fx-text-fill: #455a64;");
        status.setId("status");
        VBox top = new VBox(6, bar1, bar2, description);
        top.setPadding(new Insets(8));

        timeline.setId("timeline");
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                pause();
                following = false;
                seek((int) Math.round(b.doubleValue()));
            }
        });
        position.setId("position");
        position.setMinWidth(260);
        timeScale.setId("timeScale");
        timeScale.setTooltip(new javafx.scene.control.Tooltip("Space the lanes by time instead of one step per happening"));
        timeScale.selectedProperty().addListener((o, a, on) -> lanes.setTimeScale(on));
        HBox timeRow = new HBox(8, new Label("Timeline"), timeline, position, timeScale);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeRow.setAlignment(Pos.CENTER_LEFT);
        timeRow.setPadding(new Insets(4, 8, 4, 8));

        VBox center = new VBox(legend(), lanes, timeRow);
        VBox.setVgrow(lanes, Priority.ALWAYS);

        explain.setId("explain");
        explain.setWrapText(true);
        explain.setEditable(false);
        explain.setPrefRowCount(7);
        explain.setMinHeight(120);
        explain.setText("Click a lane, a state or a line of the log to have it explained.");
        now.setId("now");
        wire.setId("wire");
        wire.setCellFactory(v -> monoCell());
        now.setCellFactory(v -> monoCell());
        pool.setId("pool");
        pool.setCellFactory(v -> monoCell());
        for (ListView<String> l : List.of(now, pool, wire)) l.setFixedCellSize(CELL);
        pool.setPlaceholder(new Label("No client transport in this scenario"));
        VBox side = new VBox(4, new Label("Explanation"), explain, new Label("Now: connections and threads"), now,
                new Label("Client: idle pool (most recently used first) and waiting requests"), pool,
                new Label("Bytes on the wire (latest, -> to the server, <- to the client)"), wire);
        VBox.setVgrow(now, Priority.ALWAYS);
        VBox.setVgrow(pool, Priority.ALWAYS);
        VBox.setVgrow(wire, Priority.ALWAYS);
        side.setPadding(new Insets(0, 8, 0, 4));

        SplitPane upper = new SplitPane(center, side);
        upper.setDividerPositions(0.68);
        log.setId("log");
        log.setItems(logLines);
        log.setCellFactory(v -> monoCell());
        log.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!updating && b.intValue() >= 0) {
                pause();
                following = false;
                seek(b.intValue() + 1);
                explain(Explanation.of(model.get(b.intValue())));
            }
        });
        VBox logBox = new VBox(2, new Label("Event log"), log);
        VBox.setVgrow(log, Priority.ALWAYS);
        logBox.setPadding(new Insets(0, 8, 8, 8));
        SplitPane main = new SplitPane(upper, logBox);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.7);
        root.setTop(top);
        root.setCenter(main);
        description.setText(scenarios.getValue().description());
    }

    private static ListCell<String> monoCell() {
        ListCell<String> c = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        c.setStyle("-fx-font-family: 'Monospaced'; -fx-font-size: 11px; -fx-padding: 1 4 1 4;");
        return c;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private javafx.scene.layout.FlowPane legend() {
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(10, 2);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.setAlignment(Pos.CENTER_LEFT);
        Object[][] items = {
            {"new", LanesView.NEW}, {"active", LanesView.ACTIVE}, {"idle", LanesView.IDLE},
            {"hijacked", LanesView.HIJACKED}, {"closed", LanesView.CLOSED},
            {"thread running", LanesView.RUNNING}, {"thread parked", LanesView.PARKED}};
        // A client connection's states share the server's colours: dialing as new, in use as active.
        box.getChildren().add(new Label("Lanes:"));
        for (Object[] it : items) {
            Rectangle r = new Rectangle(14, 10, (Color) it[1]);
            Label l = new Label((String) it[0], r);
            box.getChildren().add(l);
        }
        box.getChildren().add(new Label("client conn: dialing = new, in use = active, idle in pool = idle"));
        box.getChildren().add(new Label("▲ bytes to server  ▼ bytes to client  ▼ on the ruler: a note"));
        box.getChildren().forEach(n -> ((Label) n).setMinWidth(Region.USE_PREF_SIZE));
        box.setMinWidth(0);
        box.setPrefWidth(0); // wrap within the lanes' width instead of widening them
        return box;
    }

    // ---- the model and the position ----

    /** Shows {@code m} at position {@code at}. */
    void setModel(Model m, int at) {
        pause();
        following = false;
        model = m;
        List<String> lines = new ArrayList<>(m.size());
        for (Happening h : m.happenings()) lines.add(Describe.line(h, m.startNanos()));
        logLines.setAll(lines);
        Scenarios.byId(m.scenario()).ifPresent(s -> {
            updating = true;
            scenarios.setValue(s);
            updating = false;
        });
        seek(at);
    }

    Model model() {
        return model;
    }

    int position() {
        return pos;
    }

    boolean isPlaying() {
        return playing;
    }

    boolean isRecording() {
        return recording;
    }

    /** Moves to position {@code p}, clamped to the recording, and redraws every view. */
    void seek(int p) {
        pos = Math.max(0, Math.min(model.size(), p));
        refresh();
    }

    private void step(int delta) {
        pause();
        following = false;
        seek(pos + delta);
    }

    private void jumpToTyped() {
        try {
            pause();
            following = false;
            seek(Integer.parseInt(jumpField.getText().trim()));
            status.setText("");
        } catch (NumberFormatException e) {
            status.setText("Type a step number, 0 to " + model.size());
        }
    }

    void play() {
        if (recording) return;
        if (pos >= model.size()) seek(0);
        playing = true;
        budget = 0;
        lastFrame = 0;
        status.setText("Playing");
    }

    void pause() {
        if (playing) status.setText("Paused at step " + pos);
        playing = false;
    }

    double eventsPerSecond() {
        return Math.max(MIN_SPEED, Math.round(Math.pow(10, speed.getValue())));
    }

    private void frame(long nanos) {
        boolean grew = false;
        for (Happening h; (h = incoming.poll()) != null; ) {
            model.append(h);
            logLines.add(Describe.line(h, model.startNanos()));
            grew = true;
        }
        if (grew && following) seek(model.size());
        if (!playing) return;
        if (lastFrame != 0) budget += (nanos - lastFrame) / 1e9 * eventsPerSecond();
        lastFrame = nanos;
        int target = pos;
        while (budget >= 1 && target < model.size()) {
            budget -= 1;
            target++;
            BreakOn b = breakOn.getValue();
            if (b != null && b.matches(model.get(target - 1))) {
                // Everything shown first, then the flag: whoever sees playback stopped sees where and why.
                seek(target);
                status.setText("Break: " + b + " (step " + target + ")");
                explain(Explanation.of(model.get(target - 1)));
                playing = false;
                return;
            }
        }
        if (target != pos) seek(target);
        if (pos >= model.size()) {
            playing = false;
            status.setText("End of the recording");
        }
    }

    /** Runs {@code s} against a fresh embedded server, animating it as it records. */
    void runScenario(Scenario s) {
        if (recording || s == null) return;
        setModel(new Model(s.id()), 0);
        recording = true;
        following = true;
        status.setText("Running " + s.title() + "…");
        Thread.ofVirtual().name("scenario-" + s.id()).start(() -> {
            String done;
            try {
                s.record(incoming::add);
                done = "Recorded: press Play, step, or scrub the timeline";
            } catch (Exception e) {
                done = "The scenario failed: " + e.getMessage();
            }
            String message = done;
            Platform.runLater(() -> {
                frame(0);
                recording = false;
                status.setText(message);
            });
        });
    }

    void explain(Explanation e) {
        explain.setText(e.render());
    }

    private void refresh() {
        ViewState state = model.stateAt(pos);
        updating = true;
        try {
            timeline.setMax(Math.max(1, model.size()));
            timeline.setValue(pos);
            String time = pos == 0 ? "" : String.format("  t = %.3f ms", (model.get(pos - 1).nanos() - model.startNanos()) / 1e6);
            position.setText("step " + pos + " / " + model.size() + time);
            if (pos == 0) log.getSelectionModel().clearSelection();
            else {
                log.getSelectionModel().select(pos - 1);
                log.scrollTo(Math.max(0, pos - 4));
            }
            now.getItems().setAll(nowLines(state));
            wire.getItems().setAll(wireLines(state));
            pool.getItems().setAll(poolLines(state));
            // A client scenario's pool and queues matter more than a server scenario's empty list.
            double poolHeight = Math.max(2, pool.getItems().size()) * CELL + 6;
            pool.setPrefHeight(poolHeight);
            pool.setMinHeight(Math.min(poolHeight, 12 * CELL + 6));
        } finally {
            updating = false;
        }
        lanes.show(model, pos);
    }

    /** The lines of the "now" list: each connection, then each live thread. */
    static List<String> nowLines(ViewState s) {
        List<String> out = new ArrayList<>();
        s.conns().values().stream().sorted(Comparator.comparingLong(ViewState.ConnView::id)).forEach(c -> {
            ViewState.Traffic t = s.trafficOf(c);
            out.add(String.format("conn %-3d %-8s %s  %d req  ->%d B  <-%d B", c.id(), c.state().goName(), c.remoteAddr(),
                    c.requests(), t.toServer(), t.toClient()));
        });
        s.threads().values().stream().sorted(Comparator.comparing(ViewState.ThreadView::source)
                .thenComparingLong(ViewState.ThreadView::conn).thenComparing(ViewState.ThreadView::role))
                .forEach(t -> out.add(String.format("%-27s %s", (t.source().isEmpty() ? "" : t.source() + " ")
                        + Describe.roleName(t.role()) + (t.conn() == 0 ? "" : " #" + t.conn()),
                        t.parked() ? "parked on " + t.on() : "running")));
        return out;
    }

    /**
     * The lines of the client list: per transport and host, the idle pool (most recently used
     * first), the requests waiting for a connection and for a dial slot (oldest first), and, when
     * there are any, the dials under way and the connections in use.
     */
    static List<String> poolLines(ViewState s) {
        List<String> out = new ArrayList<>();
        s.clients().values().stream().sorted(Comparator.comparing(nethttp.visualizer.model.ClientView::source)).forEach(c -> {
            java.util.SortedSet<String> hosts = new java.util.TreeSet<>(c.requestHost().values());
            hosts.addAll(c.connHost().values());
            for (String host : hosts) {
                out.add(c.source() + " to " + host);
                out.add("  idle pool     " + names("conn ", c.idleOf(host)));
                out.add("  want a conn   " + names("req ", c.waitingIdleOf(host)));
                out.add("  want a slot   " + names("req ", c.waitingSlotOf(host)));
                String dialing = pairs(c.dialing(), c.connHost(), host, " for req ");
                if (!dialing.equals("-")) out.add("  dialing       " + dialing);
                String inUse = pairs(c.inUse(), c.connHost(), host, " by req ");
                if (!inUse.equals("-")) out.add("  in use        " + inUse);
            }
        });
        return out;
    }

    private static String names(String prefix, List<Long> ids) {
        if (ids.isEmpty()) return "-";
        StringBuilder b = new StringBuilder();
        for (Long id : ids) b.append(b.length() == 0 ? "" : ", ").append(prefix).append(id);
        return b.toString();
    }

    /** {@code conn 2 for req 3, ...}: the connections of {@code host} in {@code m}, by number. */
    private static String pairs(java.util.Map<Long, Long> m, java.util.Map<Long, String> connHost, String host, String joint) {
        String text = m.entrySet().stream().filter(e -> host.equals(connHost.get(e.getKey())))
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> "conn " + e.getKey() + joint + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        return text.isEmpty() ? "-" : text;
    }

    private static List<String> wireLines(ViewState s) {
        List<String> out = new ArrayList<>();
        for (WireBytes w : s.recentWire()) {
            out.add(w.clientAddr() + " " + w.direction().arrow() + " " + Describe.printable(w.bytes(), 90));
        }
        return out;
    }

    // ---- files ----

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void chooseAndOpen() {
        FileChooser fc = chooser("Open a recording", "*.nhr");
        var f = fc.showOpenDialog(window());
        if (f != null) open(f.toPath());
    }

    private void chooseAndSave() {
        FileChooser fc = chooser("Save the recording", "*.nhr");
        fc.setInitialFileName(model.scenario() + ".nhr");
        var f = fc.showSaveDialog(window());
        if (f != null) save(f.toPath());
    }

    private void chooseAndExport() {
        FileChooser fc = chooser("Export a Chrome trace (Perfetto)", "*.json");
        fc.setInitialFileName(model.scenario() + ".trace.json");
        var f = fc.showSaveDialog(window());
        if (f != null) exportTrace(f.toPath());
    }

    private static FileChooser chooser(String title, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        return fc;
    }

    void open(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Recording rec = RecordingFile.read(r);
            setModel(Model.of(rec), 0);
            status.setText("Opened " + file.getFileName() + ": " + rec.happenings().size() + " steps");
        } catch (IOException e) {
            status.setText("Cannot open " + file.getFileName() + ": " + e.getMessage());
        }
    }

    void save(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RecordingFile.write(model.toRecording(), w);
            status.setText("Saved " + file.getFileName());
        } catch (IOException e) {
            status.setText("Cannot save: " + e.getMessage());
        }
    }

    void exportTrace(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ChromeTrace.write(model, w);
            status.setText("Exported " + file.getFileName() + " (open it in ui.perfetto.dev)");
        } catch (IOException e) {
            status.setText("Cannot export: " + e.getMessage());
        }
    }
}
