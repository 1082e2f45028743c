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
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import nethttp.visualizer.model.BreakOn;
import nethttp.visualizer.model.ChromeTrace;
import nethttp.visualizer.model.CodeIndex;
import nethttp.visualizer.model.CodeLinks;
import nethttp.visualizer.model.Describe;
import nethttp.visualizer.model.Explanation;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.Lanes;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Note;
import nethttp.visualizer.model.Recording;
import nethttp.visualizer.model.RecordingFile;
import nethttp.visualizer.model.ViewState;
import nethttp.visualizer.model.WireBytes;
import nethttp.visualizer.scenario.LiveServer;
import nethttp.visualizer.scenario.Scenario;
import nethttp.visualizer.scenario.Scenarios;

/**
 * The window's content: the controls, the caption, the lanes, the state of the connections and
 * threads, the wire, the explanation and code panels and the event log, all showing
 * {@link Model#stateAt} at one position.
 *
 * <p>Playback moves the position by whole happenings at the chosen speed; stepping, scrubbing,
 * jumping and breaking only ever set the position, so every view is recomputed from the
 * recording and the same position always looks the same. The log too shows only what has
 * happened up to the position.
 *
 * <p>Everything scales with one zoom factor, for a lecture hall; every control has a key, and a
 * presenter's clicker (Page Down, Page Up) moves from one note of the story to the next.
 */
final class MainView {
    /** The slowest playback, one happening per second, and the fastest. */
    static final double MIN_SPEED = 1, MAX_SPEED = 500;
    /** The zoom steps of Ctrl+ and Ctrl-. */
    static final double[] ZOOMS = {0.75, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2, 2.5};
    /** The presentation zoom: the smallest text is 18 px. */
    static final double PRESENTATION = 1.5;
    /** The font size of the controls at zoom 1; the lanes' and lists' text is 12 px. */
    static final double BASE_FONT = 13;

    final StackPane root = new StackPane();
    private final BorderPane content = new BorderPane();
    final ComboBox<Scenario> scenarios = new ComboBox<>(FXCollections.observableArrayList(Scenarios.ALL));
    final Button run = button("run", "Run", "Runs the scenario now, against the embedded server, and plays it from step 0 (1-9)");
    final Button play = button("play", "▶ Play", "Plays from here at the chosen speed (Space)");
    final Button pause = button("pause", "❚❚ Pause", "Stops playback (Space)");
    final Button stepBack = button("stepBack", "◀ Step", "One happening back (Left)");
    final Button stepForward = button("stepForward", "Step ▶", "One happening forward (Right)");
    final Button toStart = button("toStart", "|◀ Start", "Back to the start (Home)");
    final Button toLive = button("toLive", "● Live", "Back to the live server's recording, following it");
    final Button help = button("helpButton", "?", "Keys and clicker (?)");
    final ComboBox<nethttp.transport.GetConnStrategy> sendStrategy =
            new ComboBox<>(FXCollections.observableArrayList(nethttp.transport.GetConnStrategy.GO_1_13, nethttp.transport.GetConnStrategy.GO_1_12));
    final TextField sendPath = new TextField("/");
    final Button send = button("send", "Send", "Sends GET with the library's own Transport, to show the client's side live too");
    private final HBox sendGroup = new HBox(4);
    private final java.util.Map<nethttp.transport.GetConnStrategy, nethttp.visualizer.scenario.LiveClient> liveClients =
            new java.util.EnumMap<>(nethttp.transport.GetConnStrategy.class);
    final Slider speed = new Slider(0, Math.log10(MAX_SPEED), 1);
    final Label speedLabel = new Label();
    final ComboBox<BreakOn> breakOn = new ComboBox<>(FXCollections.observableArrayList(BreakOn.values()));
    final TextField jumpField = new TextField();
    final Button jump = button("jump", "Jump", "Jumps to the step typed on the left");
    final Slider timeline = new Slider(0, 0, 0);
    final javafx.scene.control.CheckBox timeScale = new javafx.scene.control.CheckBox("Time scale");
    final Label position = new Label();
    final Label status = new Label();
    final Label caption = new Label();
    final Label liveWarning = new Label();
    final TextArea explain = new TextArea();
    final Label codeTitle = new Label();
    final Hyperlink codeLink = new Hyperlink();
    final TextArea code = new TextArea();
    final TabPane explainTabs = new TabPane();
    final Tab codeTab = new Tab("Code");
    final TabPane listTabs = new TabPane();
    final Tab poolTab = new Tab("Client pool");
    final ListView<String> now = new ListView<>();
    final ListView<String> wire = new ListView<>();
    final ListView<String> pool = new ListView<>();
    final ListView<String> log = new ListView<>();
    final LanesView lanes = new LanesView(this::explain);
    final VBox helpOverlay = new VBox();
    private final FlowPane legend = new FlowPane();

    private final List<String> logAll = new ArrayList<>();
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<Happening> incoming = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Happening> liveIncoming = new ConcurrentLinkedQueue<>();
    private List<WireBytes> wireShown = List.of();
    private Model model = new Model("none");
    /** The model a running scenario records into. */
    private Model recordingModel;
    private Model liveModel;
    private LiveServer live;
    private int pos;
    private volatile boolean playing;
    private boolean following;
    private volatile boolean recording;
    private double budget;
    private long lastFrame;
    private boolean updating;
    private double zoom = 1;
    private Consumer<String> browser = url -> {};
    private final javafx.event.EventHandler<KeyEvent> keys = this::onKey;
    private final javafx.event.EventHandler<KeyEvent> typed = this::onTyped;

    MainView() {
        build();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        }.start();
        setModel(new Model("none"), 0);
        setZoom(1);
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** How the code panel's link opens a chapter page. */
    void setBrowser(Consumer<String> browser) {
        this.browser = browser;
    }

    private void build() {
        scenarios.setId("scenario");
        scenarios.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                if (s == null) return "";
                return (Scenarios.ALL.indexOf(s) + 1) + ". " + s.title();
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        scenarios.getSelectionModel().selectFirst();
        scenarios.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Scenario item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "Pick a scenario" : scenarios.getConverter().toString(item));
            }
        });
        run.setOnAction(e -> runScenario(scenarios.getValue()));
        play.setOnAction(e -> play());
        pause.setOnAction(e -> pause());
        stepBack.setOnAction(e -> step(-1));
        stepForward.setOnAction(e -> step(1));
        toStart.setOnAction(e -> toStart());
        toLive.setOnAction(e -> showLive());
        toLive.setVisible(false);
        toLive.managedProperty().bind(toLive.visibleProperty());
        help.setOnAction(e -> toggleHelp());
        speed.setId("speed");
        speed.setPrefWidth(110);
        speed.valueProperty().addListener((o, a, b) -> speedLabel.setText(String.format("%.0f steps/s", eventsPerSecond())));
        speedLabel.setId("speedLabel");
        speedLabel.setText(String.format("%.0f steps/s", eventsPerSecond()));
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        breakOn.setId("breakOn");
        breakOn.getSelectionModel().select(BreakOn.NOTHING);
        jumpField.setId("jumpField");
        jumpField.setPrefColumnCount(4);
        jumpField.setPromptText("step");
        jumpField.setOnAction(e -> jumpToTyped());
        jump.setOnAction(e -> jumpToTyped());

        javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem("Open a recording…");
        javafx.scene.control.MenuItem save = new javafx.scene.control.MenuItem("Save the recording… (Ctrl+S)");
        javafx.scene.control.MenuItem export = new javafx.scene.control.MenuItem("Export a trace for Perfetto…");
        javafx.scene.control.MenuButton file = new javafx.scene.control.MenuButton("File", null, open, save, export);
        file.setId("file");
        file.setMinWidth(Region.USE_PREF_SIZE);
        file.setTooltip(new javafx.scene.control.Tooltip("Save this run (or the live recording so far) as a file that replays"
                + " exactly, open one, or export a Chrome trace"));
        Button zoomOut = button("zoomOut", "A−", "Smaller (Ctrl -)");
        Button zoomIn = button("zoomIn", "A+", "Larger (Ctrl +); P switches to the presentation size and back");
        open.setOnAction(e -> chooseAndOpen());
        save.setOnAction(e -> chooseAndSave());
        export.setOnAction(e -> chooseAndExport());
        zoomOut.setOnAction(e -> zoomBy(-1));
        zoomIn.setOnAction(e -> zoomBy(1));

        scenarios.setStyle("-fx-pref-width: 17em; -fx-max-width: 17em;");
        breakOn.setStyle("-fx-pref-width: 12em; -fx-max-width: 12em;");
        speed.setStyle("-fx-pref-width: 6em;");
        speed.setTooltip(new javafx.scene.control.Tooltip("Playback speed, from 1 to 500 steps per second"));
        sendStrategy.setId("sendStrategy");
        sendStrategy.setValue(nethttp.transport.GetConnStrategy.GO_1_13);
        sendStrategy.setConverter(new StringConverter<>() {
            @Override
            public String toString(nethttp.transport.GetConnStrategy g) {
                return g == null ? "" : nethttp.visualizer.scenario.LiveClient.labelOf(g);
            }

            @Override
            public nethttp.transport.GetConnStrategy fromString(String text) {
                return null;
            }
        });
        sendStrategy.setTooltip(new javafx.scene.control.Tooltip("The getConn strategy of the app's Transport: Go 1.13's or Go 1.12's"));
        sendPath.setId("sendPath");
        sendPath.setPrefColumnCount(9);
        sendPath.setOnAction(e -> sendLive());
        send.setOnAction(e -> sendLive());
        sendGroup.getChildren().setAll(new Label("Client"), sendStrategy, sendPath, send);
        sendGroup.setAlignment(Pos.CENTER_LEFT);
        sendGroup.setVisible(false);
        sendGroup.managedProperty().bind(sendGroup.visibleProperty());
        FlowPane bar = new FlowPane(8, 4,
                group(scenarios, run, toLive),
                sendGroup,
                group(toStart, stepBack, play, pause, stepForward),
                group(speed, speedLabel),
                group(new Label("Break on"), breakOn),
                group(jumpField, jump),
                group(file, zoomOut, zoomIn, help));
        bar.setAlignment(Pos.CENTER_LEFT);
        status.setId("status");
        status.setWrapText(true);
        status.setStyle("-fx-text-fill: #37474f;");
        caption.setId("caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setStyle("-fx-font-size: 1.35em; -fx-font-weight: bold; -fx-text-fill: #1a1a1a; -fx-background-color: #f3e5f5;"
                + " -fx-padding: 0.2em 0.5em 0.2em 0.5em; -fx-border-color: #6a1b9a; -fx-border-width: 0 0 0 0.35em;");
        liveWarning.setId("liveWarning");
        liveWarning.setWrapText(true);
        liveWarning.setMaxWidth(Double.MAX_VALUE);
        liveWarning.setStyle("-fx-background-color: #b71c1c; -fx-text-fill: white; -fx-font-weight: bold; -fx-padding: 0.3em 0.6em;");
        liveWarning.setVisible(false);
        liveWarning.managedProperty().bind(liveWarning.visibleProperty());
        VBox top = new VBox(6, bar, liveWarning, caption, status);
        top.setPadding(new Insets(6, 8, 4, 8));

        timeline.setId("timeline");
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                pause();
                following = false;
                seek((int) Math.round(b.doubleValue()));
            }
        });
        position.setId("position");
        position.setMinWidth(Region.USE_PREF_SIZE);
        timeScale.setId("timeScale");
        timeScale.setTooltip(new javafx.scene.control.Tooltip("Space the lanes by time instead of one step per happening"));
        timeScale.selectedProperty().addListener((o, a, on) -> lanes.setTimeScale(on));
        timeScale.setMinWidth(Region.USE_PREF_SIZE);
        HBox timeRow = new HBox(8, timeline, position, timeScale);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeRow.setAlignment(Pos.CENTER_LEFT);
        timeRow.setPadding(new Insets(4, 8, 4, 8));

        legend.setId("legend");
        legend.setHgap(12);
        legend.setVgap(2);
        legend.setPadding(new Insets(2, 8, 2, 8));
        legend.setMinWidth(0);
        legend.setPrefWidth(0); // wrap within the lanes' width instead of widening them
        VBox center = new VBox(lanes, timeRow, legend);
        VBox.setVgrow(lanes, Priority.ALWAYS);

        explain.setId("explain");
        explain.setWrapText(true);
        explain.setEditable(false);
        code.setId("code");
        code.setEditable(false);
        code.setStyle("-fx-font-family: 'Monospaced';");
        codeTitle.setId("codeTitle");
        codeTitle.setWrapText(true);
        codeTitle.setStyle("-fx-font-weight: bold;");
        codeLink.setId("codeLink");
        codeLink.setWrapText(true);
        VBox codeBox = new VBox(2, codeTitle, codeLink, code);
        VBox.setVgrow(code, Priority.ALWAYS);
        codeBox.setPadding(new Insets(4));
        showNoCode();
        Tab explainTab = new Tab("Explanation", explain);
        codeTab.setContent(codeBox);
        explainTabs.getTabs().setAll(explainTab, codeTab);
        explainTabs.setId("explainTabs");

        now.setId("now");
        wire.setId("wire");
        pool.setId("pool");
        wire.setCellFactory(v -> wrappingCell(wire));
        now.setCellFactory(v -> monoCell());
        pool.setCellFactory(v -> monoCell());
        pool.setPlaceholder(new Label("No client transport in this scenario"));
        wire.setPlaceholder(new Label("No bytes yet"));
        wire.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!updating && b.intValue() >= 0 && b.intValue() < wireShown.size()) explain(Explanation.of(wireShown.get(b.intValue())), null);
        });
        poolTab.setContent(pool);
        Tab nowTab = new Tab("Now", now);
        nowTab.setTooltip(new javafx.scene.control.Tooltip("Every connection and live thread at this step"));
        poolTab.setTooltip(new javafx.scene.control.Tooltip("Each client transport's idle pool (most recently used first) and waiting requests"));
        Tab wireTab = new Tab("Wire", wire);
        wireTab.setTooltip(new javafx.scene.control.Tooltip("The latest bytes on the wire, -> to the server, <- to the client; click one to read it whole"));
        listTabs.getTabs().setAll(nowTab, poolTab, wireTab);
        // The latest bytes are the ones to read when the tab opens.
        wireTab.setOnSelectionChanged(e -> {
            if (wireTab.isSelected() && !wire.getItems().isEmpty()) Platform.runLater(() -> wire.scrollTo(wire.getItems().size() - 1));
        });
        listTabs.setId("listTabs");
        for (TabPane t : List.of(explainTabs, listTabs)) t.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane side = new SplitPane(explainTabs, listTabs);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.5);

        SplitPane upper = new SplitPane(center, side);
        upper.setDividerPositions(0.66);
        log.setId("log");
        log.setItems(logLines);
        log.setCellFactory(v -> monoCell());
        log.setPlaceholder(new Label("Nothing has happened yet: press Play, Step or Page Down"));
        log.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!updating && b.intValue() >= 0) {
                pause();
                following = false;
                seek(b.intValue() + 1);
                explain(Explanation.of(model.get(b.intValue())), CodeLinks.of(model.get(b.intValue())));
            }
        });
        // Clicking the line already selected (the latest step, say) explains it too.
        log.setOnMouseClicked(e -> {
            int i = log.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < model.size()) explain(Explanation.of(model.get(i)), CodeLinks.of(model.get(i)));
        });
        Label logTitle = new Label("Event log, up to the current step");
        VBox logBox = new VBox(2, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        logBox.setPadding(new Insets(0, 8, 8, 8));
        SplitPane main = new SplitPane(upper, logBox);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.78);
        logBox.setMinHeight(0);
        content.setTop(top);
        content.setCenter(main);

        buildHelp();
        root.getChildren().setAll(content, helpOverlay);
        // On the scene, so keys work also when nothing has the focus.
        root.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                was.removeEventFilter(KeyEvent.KEY_TYPED, typed);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                scene.addEventFilter(KeyEvent.KEY_TYPED, typed);
            }
        });
    }

    private static HBox group(Node... nodes) {
        HBox b = new HBox(4, nodes);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    private static ListCell<String> monoCell() {
        ListCell<String> c = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        c.setStyle("-fx-font-family: 'Monospaced'; -fx-font-size: 0.93em; -fx-padding: 1 4 1 4;");
        return c;
    }

    /** A cell that wraps its line, so a whole request head can be read. */
    private static ListCell<String> wrappingCell(ListView<String> list) {
        ListCell<String> c = monoCell();
        c.setWrapText(true);
        c.prefWidthProperty().bind(list.widthProperty().subtract(24));
        c.setMaxWidth(Region.USE_PREF_SIZE);
        return c;
    }

    // ---- zoom, the legend and the help ----

    double zoom() {
        return zoom;
    }

    /** Scales every font, lane, tick and list together. */
    void setZoom(double z) {
        zoom = Math.max(ZOOMS[0], Math.min(ZOOMS[ZOOMS.length - 1], z));
        content.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * zoom));
        helpOverlay.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx; -fx-background-color: rgba(0,0,0,0.55);",
                BASE_FONT * zoom * 1.1));
        lanes.setZoom(zoom);
        buildLegend();
        if (status.getText() != null && status.getText().startsWith("Zoom")) status.setText("");
    }

    /** One zoom step larger (+1) or smaller (-1). */
    void zoomBy(int steps) {
        int i = 0;
        while (i < ZOOMS.length - 1 && ZOOMS[i] < zoom - 1e-9) i++;
        int next = Math.max(0, Math.min(ZOOMS.length - 1, i + steps));
        setZoom(ZOOMS[next]);
        status.setText(String.format("Zoom %.0f%%", zoom * 100));
    }

    /**
     * The legend, in the lanes' own drawing: the connection states (a client connection's
     * dialing, in use and idle drawn as new, active and idle), the thread states, the wire's
     * arrows and the ruler's note mark.
     */
    private void buildLegend() {
        legend.getChildren().clear();
        for (String s : List.of("new", "active", "idle", "hijacked", "closed")) legend.getChildren().add(legendItem(s, swatch(true, s)));
        legend.getChildren().add(legendItem("running", swatch(false, "running")));
        legend.getChildren().add(legendItem("parked", swatch(false, "parked")));
        legend.getChildren().add(legendItem("to server", triangle(LanesView.TO_SERVER, true)));
        legend.getChildren().add(legendItem("to client", triangle(LanesView.TO_CLIENT, false)));
        legend.getChildren().add(legendItem("note", triangle(LanesView.NOTE, false)));
        legend.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip("A client connection is drawn dialing as new, in use"
                + " as active, idle in the pool as idle. A connection's :port is the client's end; a client's connection and"
                + " the server's connection it talks to show the same port in the same colour.");
        legend.getChildren().forEach(n -> ((Label) n).setTooltip(tip));
    }

    private static Label legendItem(String text, Node graphic) {
        Label l = new Label(text, graphic);
        l.setId("legend-" + text.replace(' ', '-'));
        return l;
    }

    private Canvas swatch(boolean conn, String state) {
        double w = 30 * zoom, h = lanes.row();
        Canvas c = new Canvas(w, h);
        GraphicsContext g = c.getGraphicsContext2D();
        lanes.drawSwatch(g, conn, state, w, h);
        return c;
    }

    private Canvas triangle(Color colour, boolean up) {
        double s = 6 * zoom;
        Canvas c = new Canvas(2 * s + 2, 2 * s + 2);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(colour);
        if (up) g.fillPolygon(new double[] {1, 2 * s + 1, s + 1}, new double[] {2 * s, 2 * s, 1}, 3);
        else g.fillPolygon(new double[] {1, 2 * s + 1, s + 1}, new double[] {1, 1, 2 * s}, 3);
        return c;
    }

    static final String[][] KEYS = {
        {"Space", "play / pause"},
        {"Right, Left", "one step forward, back"},
        {"Page Down, Page Up", "next, previous note of the story (a presenter's clicker)"},
        {"Home, End", "start, end (End follows a live server)"},
        {"1 … 9", "run scenario 1 to 9"},
        {"Ctrl +, Ctrl −, Ctrl 0", "larger, smaller, normal size"},
        {"P", "presentation size and back"},
        {"F11", "full screen"},
        {"] , [ , \\", "zoom the time axis in, out, whole recording"},
        {"Shift + wheel, Ctrl + wheel", "pan, zoom the time axis"},
        {"Ctrl S", "save the recording"},
        {"? or F1, Esc", "this help, close it"},
        {"", ""},
        {"client lanes", "dialing is drawn as new, in use as active, idle in the pool as idle"},
        {":port", "the client's end of a connection; a client's lane and the server's lane it talks to share it, in one colour"}};

    private void buildHelp() {
        helpOverlay.setId("help");
        helpOverlay.setAlignment(Pos.CENTER);
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        for (int i = 0; i < KEYS.length; i++) {
            Label k = new Label(KEYS[i][0]);
            k.setStyle("-fx-font-weight: bold; -fx-font-family: 'Monospaced';");
            grid.add(k, 0, i);
            grid.add(new Label(KEYS[i][1]), 1, i);
        }
        Label title = new Label("Keys");
        title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        VBox box = new VBox(12, title, grid, new Label("Press ? or Esc to close."));
        box.setPadding(new Insets(20, 28, 20, 28));
        box.setStyle("-fx-background-color: white; -fx-background-radius: 8; -fx-border-color: #6a1b9a; -fx-border-radius: 8; -fx-border-width: 2;");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        helpOverlay.getChildren().setAll(box);
        helpOverlay.setVisible(false);
        helpOverlay.setOnMouseClicked(e -> helpOverlay.setVisible(false));
    }

    void toggleHelp() {
        helpOverlay.setVisible(!helpOverlay.isVisible());
    }

    // ---- keys ----

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShortcutDown()) {
            switch (k) {
                case EQUALS, PLUS, ADD -> zoomBy(1);
                case MINUS, SUBTRACT -> zoomBy(-1);
                case DIGIT0, NUMPAD0 -> {
                    setZoom(1);
                    status.setText("Zoom 100%");
                }
                case S -> chooseAndSave();
                default -> {
                    return;
                }
            }
            e.consume();
            return;
        }
        if (k == KeyCode.F11) {
            toggleFullScreen();
            e.consume();
            return;
        }
        if (k == KeyCode.F1) {
            toggleHelp();
            e.consume();
            return;
        }
        if (k == KeyCode.ESCAPE && helpOverlay.isVisible()) {
            helpOverlay.setVisible(false);
            e.consume();
            return;
        }
        // Typing in the step field, or in a list's search, keeps its keys.
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl t && t.isEditable()) return;
        if (e.isAltDown()) return;
        boolean handled = true;
        switch (k) {
            case SPACE -> {
                if (playing) pause();
                else play();
            }
            case RIGHT -> {
                if (e.isShiftDown()) lanes.panBy(0.25);
                else step(1);
            }
            case LEFT -> {
                if (e.isShiftDown()) lanes.panBy(-0.25);
                else step(-1);
            }
            case PAGE_DOWN, DOWN -> nextNote(1);
            case PAGE_UP, UP -> nextNote(-1);
            case HOME -> toStart();
            case END -> toEnd();
            case P -> {
                setZoom(Math.abs(zoom - PRESENTATION) < 1e-9 ? 1 : PRESENTATION);
                status.setText(String.format("Zoom %.0f%%", zoom * 100));
            }
            case CLOSE_BRACKET -> lanes.zoomHorizontallyAtCursor(2);
            case OPEN_BRACKET -> lanes.zoomHorizontallyAtCursor(0.5);
            case BACK_SLASH -> lanes.resetHorizontalZoom();
            default -> {
                int digit = digitOf(k);
                if (digit >= 1 && digit <= Scenarios.ALL.size()) {
                    Scenario s = Scenarios.ALL.get(digit - 1);
                    scenarios.setValue(s);
                    runScenario(s);
                } else {
                    handled = false;
                }
            }
        }
        if (handled) e.consume();
    }

    private static int digitOf(KeyCode k) {
        if (k.isDigitKey()) {
            String n = k.getName();
            char c = n.charAt(n.length() - 1);
            return Character.isDigit(c) ? c - '0' : -1;
        }
        return -1;
    }

    private void onTyped(KeyEvent e) {
        if (!"?".equals(e.getCharacter())) return;
        if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl t && t.isEditable()) return;
        toggleHelp();
        e.consume();
    }

    private void toggleFullScreen() {
        if (window() instanceof Stage stage) {
            stage.setFullScreenExitHint("F11 or Esc leaves full screen");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    // ---- the model and the position ----

    /** Shows {@code m} at position {@code at}, with a fresh explanation panel. */
    void setModel(Model m, int at) {
        pause();
        following = false;
        model = m;
        logAll.clear();
        for (Happening h : m.happenings()) logAll.add(Describe.line(h, m.startNanos()));
        logLines.clear();
        updating = true;
        scenarios.setValue(Scenarios.byId(m.scenario()).orElse(m.scenario().equals("none") ? scenarios.getValue() : null));
        updating = false;
        toLive.setVisible(live != null && m != liveModel);
        clearExplanation();
        boolean client = m.happenings().stream().anyMatch(h -> h instanceof nethttp.visualizer.model.LibraryEvent le && le.fromClient());
        listTabs.getSelectionModel().select(client ? 1 : 0);
        seek(at);
    }

    /** The explanation panel as a run starts: what the scenario is about, and what to click. */
    private void clearExplanation() {
        String about = Scenarios.byId(model.scenario()).map(s -> s.title() + "\n\n" + s.description() + "\n\n")
                .orElse(model == liveModel && live != null ? "Live: the library's server with the demo routes on "
                        + live.address() + ".\n\n" : "");
        explain.setText(about + "Click a lane, a state or a line of the log to have it explained; the Code tab then"
                + " shows the method of the library behind it.");
        explainTabs.getSelectionModel().select(0);
        showNoCode();
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

    boolean isFollowing() {
        return following;
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

    private void toStart() {
        pause();
        following = false;
        seek(0);
    }

    private void toEnd() {
        pause();
        seek(model.size());
        following = live != null && model == liveModel;
    }

    /**
     * Moves to just after the next ({@code dir} 1) or previous (-1) note of the story, where its
     * caption begins; before the first note, back to the start.
     */
    void nextNote(int dir) {
        pause();
        following = false;
        if (dir > 0) {
            for (int i = pos; i < model.size(); i++) {
                if (isStoryNote(model.get(i))) {
                    seek(i + 1);
                    return;
                }
            }
            seek(model.size());
        } else {
            for (int i = pos - 2; i >= 0; i--) {
                if (isStoryNote(model.get(i))) {
                    seek(i + 1);
                    return;
                }
            }
            seek(0);
        }
    }

    /** A note that tells the story; a dialer's note of its port is bookkeeping for the lanes. */
    private static boolean isStoryNote(Happening h) {
        return h instanceof Note n && Lanes.Dialed.parse(n.text()) == null;
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

    private boolean stillRecording() {
        return recording && model == recordingModel;
    }

    void play() {
        if (pos >= model.size() && !stillRecording()) seek(0);
        following = false;
        playing = true;
        budget = 0;
        lastFrame = 0;
        status.setText(stillRecording() ? "Running and playing" : "Playing");
    }

    void pause() {
        if (playing) status.setText("Paused at step " + pos);
        playing = false;
    }

    double eventsPerSecond() {
        return Math.max(MIN_SPEED, Math.round(Math.pow(10, speed.getValue())));
    }

    private void frame(long nanos) {
        drain();
        if (!playing) return;
        if (lastFrame != 0) budget += (nanos - lastFrame) / 1e9 * eventsPerSecond();
        lastFrame = nanos;
        advance();
    }

    /** Appends what the running scenario and the live server have recorded since the last frame. */
    private void drain() {
        boolean grew = false;
        for (Happening h; (h = incoming.poll()) != null; ) {
            if (recordingModel == null) continue;
            recordingModel.append(h);
            if (model == recordingModel) {
                logAll.add(Describe.line(h, model.startNanos()));
                grew = true;
            }
        }
        for (Happening h; (h = liveIncoming.poll()) != null; ) {
            if (liveModel == null) continue;
            liveModel.append(h);
            if (model == liveModel) {
                logAll.add(Describe.line(h, model.startNanos()));
                grew = true;
            }
        }
        if (grew && following) seek(model.size());
        else if (grew) refreshTimeline();
    }

    /** Moves playback on by the whole steps its time budget allows. */
    private void advance() {
        int target = pos;
        while (budget >= 1 && target < model.size()) {
            budget -= 1;
            target++;
            BreakOn b = breakOn.getValue();
            if (b != null && b.matches(model.get(target - 1))) {
                // Everything shown first, then the flag: whoever sees playback stopped sees where and why.
                seek(target);
                status.setText("Break: " + b + " (step " + target + ")");
                explain(Explanation.of(model.get(target - 1)), CodeLinks.of(model.get(target - 1)));
                playing = false;
                return;
            }
        }
        if (target != pos) seek(target);
        if (pos >= model.size()) {
            if (stillRecording()) {
                budget = Math.min(budget, 1); // waits for the run, without saving up a burst
            } else {
                playing = false;
                status.setText("End of the recording");
            }
        }
    }

    /**
     * Runs {@code s} against a fresh embedded server and plays it from step 0 at the chosen
     * speed while it records.
     */
    void runScenario(Scenario s) {
        if (recording || s == null) return;
        Model m = new Model(s.id());
        recordingModel = m;
        setModel(m, 0);
        recording = true;
        play();
        status.setText("Running " + s.title() + " and playing it at " + String.format("%.0f", eventsPerSecond()) + " steps/s");
        Thread.ofVirtual().name("scenario-" + s.id()).start(() -> {
            String done;
            try {
                s.record(incoming::add);
                done = "Recorded";
            } catch (Exception e) {
                done = "The scenario failed: " + e.getMessage();
            }
            String message = done;
            Platform.runLater(() -> {
                drain();
                recording = false;
                if (message.startsWith("Recorded")) {
                    status.setText(playing ? "Recorded " + m.size() + " steps; playing" : "Recorded " + m.size() + " steps: Play, step, or scrub the timeline");
                } else {
                    status.setText(message);
                }
            });
        });
    }

    // ---- live mode ----

    /**
     * Starts the library's server with the demo routes on {@code hostPort} and shows its
     * connections as they come, following the newest step.
     *
     * @throws IllegalArgumentException for an address that is malformed, or not loopback without {@code allowRemote}
     */
    void startLive(String hostPort, boolean allowRemote) throws IOException {
        if (live != null) throw new IllegalStateException("already live on " + live.address());
        live = LiveServer.start(hostPort, allowRemote, liveIncoming::add);
        liveModel = new Model("live");
        sendGroup.setVisible(true);
        if (!live.loopbackOnly()) {
            liveWarning.setText("⚠ Listening on " + live.address() + ": any machine on this network can reach this server."
                    + " Close the app to stop it.");
            liveWarning.setVisible(true);
        }
        showLive();
    }

    /** The live server's address, null when not live. */
    String liveAddress() {
        return live == null ? null : live.address();
    }

    /** Shows the live recording and follows it. */
    void showLive() {
        if (live == null) return;
        setModel(liveModel, liveModel.size());
        following = true;
        status.setText("Live on " + live.address() + ": try  curl -v http://" + live.address() + "/  (Save keeps the recording so far)");
    }

    /** Sends the typed path from the app's own Transport with the chosen strategy. */
    void sendLive() {
        if (live == null) return;
        nethttp.visualizer.scenario.LiveClient c = liveClients.computeIfAbsent(sendStrategy.getValue(),
                g -> new nethttp.visualizer.scenario.LiveClient(g, live.address(), liveIncoming::add));
        String path = sendPath.getText().isBlank() ? "/" : sendPath.getText().trim();
        c.send(path);
        if (model != liveModel) showLive();
        status.setText(nethttp.visualizer.scenario.LiveClient.labelOf(sendStrategy.getValue()) + " sent GET " + path);
    }

    /** Stops the live server and the app's clients, if any. */
    void stopLive() {
        liveClients.values().forEach(nethttp.visualizer.scenario.LiveClient::close);
        liveClients.clear();
        if (live != null) live.close();
    }

    // ---- the views ----

    /** Shows {@code e}, and the library's method behind it in the code panel when there is one. */
    void explain(Explanation e, CodeLinks.Ref ref) {
        explain.setText(e.render());
        if (ref == null) {
            showNoCode();
            return;
        }
        CodeIndex.Method m = CodeIndex.find(ref);
        if (m == null) {
            codeTitle.setText(ref.goFunc() + ": not found in the packaged sources (" + ref.file() + ")");
            code.setText("");
            codeLink.setVisible(false);
            return;
        }
        codeTitle.setText(m.javaName() + "  mirrors Go's " + ref.goFunc() + "   (" + ref.file() + ", line " + m.firstLine() + ")");
        code.setText(numbered(m));
        code.positionCaret(0);
        // The annotation and the declaration, highlighted: where to start reading.
        int firstTwo = code.getText().indexOf('\n', code.getText().indexOf('\n') + 1);
        code.selectRange(0, firstTwo < 0 ? code.getText().length() : firstTwo);
        codeLink.setText("Read " + m.cite());
        codeLink.setVisible(true);
        String page = chapterUrl(m);
        codeLink.setOnAction(a -> {
            if (page != null) browser.accept(page);
            else status.setText("Build the book first (mvn -pl chapters package) to open " + m.ref().chapter().page() + ".html");
        });
    }

    private static String numbered(CodeIndex.Method m) {
        StringBuilder b = new StringBuilder();
        List<String> lines = m.code().lines().toList();
        for (int i = 0; i < lines.size(); i++) b.append(String.format("%4d  %s%n", m.firstLine() + i, lines.get(i)));
        return b.toString();
    }

    /** The chapter's page of the built book, when it has been built; null otherwise. */
    private static String chapterUrl(CodeIndex.Method m) {
        String dir = System.getProperty("visualizer.book");
        if (dir == null) return null;
        Path page = Path.of(dir, m.ref().chapter().page() + ".html");
        if (!Files.exists(page)) return null;
        return page.toUri() + (m.anchor().isEmpty() ? "" : "#" + m.anchor());
    }

    private void showNoCode() {
        codeTitle.setText("Click a step of the log or a lane: the method of the library that produced it appears here.");
        code.setText("");
        codeLink.setVisible(false);
    }

    void explain(Explanation e) {
        explain(e, null);
    }

    private void refreshTimeline() {
        updating = true;
        try {
            timeline.setMax(Math.max(1, model.size()));
            timeline.setValue(pos);
            position.setText(positionText());
        } finally {
            updating = false;
        }
    }

    private String positionText() {
        String time = pos == 0 ? "" : String.format("  t = %.3f ms", (model.get(pos - 1).nanos() - model.startNanos()) / 1e6);
        return "step " + pos + " / " + model.size() + time;
    }

    private void refresh() {
        lanes.setShowNewest(following && model == liveModel);
        ViewState state = model.stateAt(pos);
        updating = true;
        try {
            timeline.setMax(Math.max(1, model.size()));
            timeline.setValue(pos);
            position.setText(positionText());
            syncLog();
            if (pos == 0) log.getSelectionModel().clearSelection();
            else {
                log.getSelectionModel().select(pos - 1);
                log.scrollTo(Math.max(0, pos - 4));
            }
            now.getItems().setAll(nowLines(state));
            wireShown = state.recentWire();
            wire.getItems().setAll(wireLines(state));
            if (!wireShown.isEmpty()) wire.scrollTo(wireShown.size() - 1);
            pool.getItems().setAll(poolLines(state));
            caption.setText(captionAt(pos));
        } finally {
            updating = false;
        }
        lanes.show(model, pos);
    }

    /** The log shows what has happened up to the position, and nothing after it. */
    private void syncLog() {
        int n = Math.min(pos, logAll.size());
        if (logLines.size() > n) logLines.remove(n, logLines.size());
        else if (logLines.size() < n) logLines.addAll(logAll.subList(logLines.size(), n));
    }

    /** The latest note of the story up to position {@code p}: the caption. */
    String captionAt(int p) {
        for (int i = Math.min(p, model.size()) - 1; i >= 0; i--) {
            if (isStoryNote(model.get(i))) return ((Note) model.get(i)).text();
        }
        if (model == liveModel && live != null) {
            return "Live: send a request with  curl http://" + live.address() + "/  and watch its connection appear";
        }
        return Scenarios.byId(model.scenario()).map(s -> s.title() + ": press Space to play, Page Down for the next note")
                .orElse(model.size() == 0 ? "Pick a scenario and press Run (or a key 1-9)" : "Press Space to play");
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
     * there are any, the dials under way and the connections in use. Requests are named a, b, c
     * as the scenarios tell them.
     */
    static List<String> poolLines(ViewState s) {
        List<String> out = new ArrayList<>();
        s.clients().values().stream().sorted(Comparator.comparing(nethttp.visualizer.model.ClientView::source)).forEach(c -> {
            java.util.SortedSet<String> hosts = new java.util.TreeSet<>(c.requestHost().values());
            hosts.addAll(c.connHost().values());
            for (String host : hosts) {
                out.add(c.source() + " to " + host);
                out.add("  idle pool     " + names("conn ", c.idleOf(host), false));
                out.add("  want a conn   " + names("req ", c.waitingIdleOf(host), true));
                out.add("  want a slot   " + names("req ", c.waitingSlotOf(host), true));
                String dialing = pairs(c.dialing(), c.connHost(), host, " for req ");
                if (!dialing.equals("-")) out.add("  dialing       " + dialing);
                String inUse = pairs(c.inUse(), c.connHost(), host, " by req ");
                if (!inUse.equals("-")) out.add("  in use        " + inUse);
            }
        });
        return out;
    }

    private static String names(String prefix, List<Long> ids, boolean requests) {
        if (ids.isEmpty()) return "-";
        StringBuilder b = new StringBuilder();
        for (Long id : ids) b.append(b.length() == 0 ? "" : ", ").append(prefix).append(requests ? Describe.requestName(id) : id);
        return b.toString();
    }

    /** {@code conn 2 for req c, ...}: the connections of {@code host} in {@code m}, by number. */
    private static String pairs(java.util.Map<Long, Long> m, java.util.Map<Long, String> connHost, String host, String joint) {
        String text = m.entrySet().stream().filter(e -> host.equals(connHost.get(e.getKey())))
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> "conn " + e.getKey() + joint + Describe.requestName(e.getValue())).collect(java.util.stream.Collectors.joining(", "));
        return text.isEmpty() ? "-" : text;
    }

    private static List<String> wireLines(ViewState s) {
        List<String> out = new ArrayList<>();
        for (WireBytes w : s.recentWire()) {
            out.add(w.clientAddr() + " " + w.direction().arrow() + " " + Describe.printable(w.bytes(), 600));
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
        } catch (IOException | RuntimeException e) {
            status.setText("Cannot open " + file + ": " + e.getMessage());
        }
    }

    void save(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RecordingFile.write(model.toRecording(), w);
            status.setText("Saved " + file.getFileName() + " (" + model.size() + " steps)");
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
