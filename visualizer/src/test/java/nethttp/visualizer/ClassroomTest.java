package nethttp.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import nethttp.core.ConnState;
import nethttp.event.ConnStateEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import nethttp.visualizer.model.CodeIndex;
import nethttp.visualizer.model.CodeLinks;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.Lanes;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Note;
import nethttp.visualizer.model.Recording;
import nethttp.visualizer.model.RecordingFile;
import nethttp.visualizer.scenario.LiveServer;
import nethttp.visualizer.scenario.Scenario;
import nethttp.visualizer.scenario.Scenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The visualizer as a teacher uses it in front of a class: zoom, keys and a clicker, the
 * caption, a log without spoilers, live connections, the code panel, and a layout that holds on
 * a projector's small screen.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomTest {
    private static Recording keepAlive;
    private static Recording race;
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void recordOnce() throws Exception {
        keepAlive = Scenarios.byId("keep-alive").orElseThrow().record(h -> {});
        race = Scenarios.byId("race-idle-wins").orElseThrow().record(h -> {});
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new MainView();
        stage.setScene(new Scene(view.root, VisualizerApp.WIDTH, VisualizerApp.HEIGHT));
        stage.show();
        view.setModel(Model.of(keepAlive), 0);
    }

    private static List<Integer> notes(Recording rec) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rec.happenings().size(); i++) {
            if (rec.happenings().get(i) instanceof Note n && Lanes.Dialed.parse(n.text()) == null) out.add(i);
        }
        return out;
    }

    private static void key(FxRobot robot, KeyCode... combo) {
        robot.push(combo);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every piece of text the window shows, with its font size. */
    private static void texts(Node n, List<Text> out) {
        if (!n.isVisible()) return;
        if (n instanceof Text t && !t.getText().isBlank()) out.add(t);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) texts(c, out);
    }

    // ---- presentation ----

    @Test
    void zoomScalesFontsLanesAndTicksTogetherAndThePresentationSizeHasNoTextBelow18Px(FxRobot robot) {
        double row = view.lanes.row(), font = view.lanes.fontSize();
        double label = robot.lookup("#position").queryAs(Label.class).getFont().getSize();
        key(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertTrue(view.zoom() > 1, "Ctrl + zooms in: " + view.zoom());
        assertEquals(row * view.zoom(), view.lanes.row(), 1e-9);
        assertEquals(font * view.zoom(), view.lanes.fontSize(), 1e-9);
        assertTrue(robot.lookup("#position").queryAs(Label.class).getFont().getSize() > label);
        key(robot, KeyCode.CONTROL, KeyCode.MINUS);
        key(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertTrue(view.zoom() < 1, "Ctrl - zooms out: " + view.zoom());
        key(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertEquals(1, view.zoom(), 1e-9);

        key(robot, KeyCode.P);
        assertEquals(MainView.PRESENTATION, view.zoom(), 1e-9);
        robot.interact(() -> view.seek(keepAlive.happenings().size() / 2));
        List<Text> shown = new ArrayList<>();
        robot.interact(() -> texts(view.root, shown));
        assertTrue(shown.size() > 30, "the window's text was found: " + shown.size());
        for (Text t : shown) assertTrue(t.getFont().getSize() >= 18, "\"" + t.getText() + "\" is " + t.getFont().getSize() + " px");
        assertTrue(view.lanes.fontSize() >= 18, "the lanes' labels: " + view.lanes.fontSize());
        key(robot, KeyCode.P);
        assertEquals(1, view.zoom(), 1e-9);
    }

    @Test
    void f11TogglesFullScreen(FxRobot robot) {
        key(robot, KeyCode.F11);
        assertTrue(stage.isFullScreen());
        key(robot, KeyCode.F11);
        assertFalse(stage.isFullScreen());
    }

    @Test
    void everyConnectionStateStandsApartInGreyscaleAndTheThreadStatesInShape() {
        List<Color> conn = List.of(LanesView.NEW, LanesView.ACTIVE, LanesView.IDLE, LanesView.CLOSED);
        for (int i = 0; i < conn.size(); i++) {
            for (int j = i + 1; j < conn.size(); j++) {
                double c = LanesView.contrast(conn.get(i), conn.get(j));
                assertTrue(c >= 1.5, conn.get(i) + " vs " + conn.get(j) + ": " + c);
            }
        }
        // Active and running, closed and parked were hard to tell apart; now they are.
        assertTrue(LanesView.contrast(LanesView.CLOSED, LanesView.PARKED) > 10);
        assertTrue(LanesView.contrast(LanesView.ACTIVE, LanesView.RUNNING) > 1.1);
        assertTrue(LanesView.contrast(LanesView.IDLE, Color.WHITE) < 1.5, "idle needs the outline the lanes draw");
    }

    @Test
    void theLegendShowsTheArrowsAndAClosedConnectionIsMoreThanAHairline(FxRobot robot) {
        assertNotNull(robot.lookup("#legend-to-server").query());
        assertNotNull(robot.lookup("#legend-to-client").query());
        int closed = Scenario.after(keepAlive, h -> h instanceof LibraryEvent le && le.event() instanceof ConnStateEvent s
                && s.state() == ConnState.CLOSED, 0, -1);
        int at = Math.min(closed + 3, keepAlive.happenings().size());
        robot.interact(() -> view.seek(at));
        LanesView lanes = view.lanes;
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = lanes.canvas().snapshot(null, null));
        double y = lanes.yOf("conn 1");
        int dark = 0;
        int right = (int) Math.min(shot[0].getWidth(), lanes.xOf(closed - 1) + 40);
        for (int x = (int) lanes.xOf(closed - 1); x < right; x++) {
            if (shot[0].getPixelReader().getColor(x, (int) y + 5).equals(LanesView.CLOSED)) dark++;
        }
        assertTrue(dark >= 8, "the closed block is " + dark + " px wide");
    }

    @Test
    void theLayoutHoldsAtProjectorSizes(FxRobot robot) {
        for (double[] size : new double[][] {{1280, 720}, {1024, 768}}) {
            for (double z : new double[] {1, MainView.PRESENTATION}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    view.setZoom(z);
                    view.seek(keepAlive.happenings().size() / 2);
                    view.root.applyCss();
                    view.root.layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                String where = size[0] + "x" + size[1] + " at zoom " + z;
                for (Node n : robot.lookup(".button").queryAll()) {
                    if (!(n instanceof Button b) || !b.isVisible() || b.getScene() == null) continue;
                    assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, b.getText() + " is cut at " + where);
                }
                double lanesHeight = view.lanes.getHeight();
                assertTrue(lanesHeight >= view.lanes.ruler() + 4 * view.lanes.row(), "four lanes fit at " + where + ": " + lanesHeight);
                assertTrue(robot.lookup("#now").queryListView().getHeight() >= 3 * 18, "the Now list at " + where);
                assertTrue(view.root.getWidth() <= size[0] + 1, "no wider than the window at " + where);
            }
        }
    }

    // ---- keys and the clicker ----

    @Test
    void spaceArrowsHomeAndEndDriveThePlayback(FxRobot robot) {
        key(robot, KeyCode.RIGHT);
        key(robot, KeyCode.RIGHT);
        assertEquals(2, view.position());
        key(robot, KeyCode.LEFT);
        assertEquals(1, view.position());
        key(robot, KeyCode.END);
        assertEquals(keepAlive.happenings().size(), view.position());
        key(robot, KeyCode.HOME);
        assertEquals(0, view.position());
        robot.interact(() -> view.speed.setValue(view.speed.getMin()));
        key(robot, KeyCode.SPACE);
        assertTrue(view.isPlaying());
        key(robot, KeyCode.SPACE);
        assertFalse(view.isPlaying());
    }

    @Test
    void pageDownAndUpMoveFromNoteToNoteAndTheCaptionTellsIt(FxRobot robot) {
        List<Integer> notes = notes(keepAlive);
        assertTrue(notes.size() >= 3);
        key(robot, KeyCode.PAGE_DOWN);
        assertEquals(notes.get(0) + 1, view.position());
        String first = ((Note) keepAlive.happenings().get(notes.get(0))).text();
        assertEquals(first, robot.lookup("#caption").queryAs(Label.class).getText());
        key(robot, KeyCode.PAGE_DOWN);
        assertEquals(notes.get(1) + 1, view.position());
        assertEquals(((Note) keepAlive.happenings().get(notes.get(1))).text(), robot.lookup("#caption").queryAs(Label.class).getText());
        // Steps after a note keep its caption until the next note.
        key(robot, KeyCode.RIGHT);
        assertEquals(((Note) keepAlive.happenings().get(notes.get(1))).text(), robot.lookup("#caption").queryAs(Label.class).getText());
        key(robot, KeyCode.PAGE_UP);
        assertEquals(notes.get(1) + 1, view.position(), "back to where the current note begins");
        key(robot, KeyCode.PAGE_UP);
        assertEquals(notes.get(0) + 1, view.position());
        assertEquals(first, robot.lookup("#caption").queryAs(Label.class).getText());
    }

    @Test
    void aDigitRunsThatScenario(FxRobot robot) throws Exception {
        int index = Scenarios.ALL.indexOf(Scenarios.byId("handler-throws").orElseThrow());
        robot.interact(() -> view.speed.setValue(view.speed.getMax()));
        key(robot, KeyCode.valueOf("DIGIT" + (index + 1)));
        assertEquals("handler-throws", view.model().scenario());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.isRecording() && !view.isPlaying());
        assertTrue(view.model().size() > 10);
    }

    @Test
    void questionMarkOpensTheHelpAndEscapeClosesIt(FxRobot robot) {
        assertFalse(view.helpOverlay.isVisible());
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.helpOverlay.isVisible());
        String help = String.join("\n", robot.lookup("#help .label").queryAllAs(Label.class).stream().map(Label::getText).toList());
        for (String k : List.of("Space", "Page Down, Page Up", "Home, End", "1 … 9", "F11", "Ctrl +, Ctrl −, Ctrl 0")) {
            assertTrue(help.contains(k), k + " in " + help);
        }
        key(robot, KeyCode.ESCAPE);
        assertFalse(view.helpOverlay.isVisible());
        key(robot, KeyCode.F1);
        assertTrue(view.helpOverlay.isVisible());
        key(robot, KeyCode.F1);
        assertFalse(view.helpOverlay.isVisible());
    }

    @Test
    void typingInTheStepFieldKeepsItsKeys(FxRobot robot) {
        robot.clickOn("#jumpField").write("12");
        assertEquals(0, view.position(), "digits typed in the field do not run scenarios");
        assertEquals("keep-alive", view.model().scenario());
        robot.type(KeyCode.ENTER);
        assertEquals(12, view.position());
    }

    // ---- the story as it unfolds ----

    @Test
    void theLogShowsOnlyWhatHasHappenedUpToTheStep(FxRobot robot) {
        assertEquals(0, robot.lookup("#log").queryListView().getItems().size());
        robot.interact(() -> view.seek(7));
        assertEquals(7, robot.lookup("#log").queryListView().getItems().size());
        robot.interact(() -> view.seek(3));
        assertEquals(3, robot.lookup("#log").queryListView().getItems().size());
        robot.interact(() -> view.seek(keepAlive.happenings().size()));
        assertEquals(keepAlive.happenings().size(), robot.lookup("#log").queryListView().getItems().size());
    }

    @Test
    void runPlaysFromStepZeroAtTheChosenSpeed(FxRobot robot) throws Exception {
        robot.interact(() -> view.speed.setValue(view.speed.getMin())); // one step per second
        robot.interact(() -> view.scenarios.setValue(Scenarios.byId("handler-throws").orElseThrow()));
        robot.clickOn("#run");
        assertTrue(view.isPlaying());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.isRecording());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.model().size() > 20);
        assertTrue(view.position() < view.model().size() / 2, "at one step a second the playback is still near the start: "
                + view.position() + " of " + view.model().size());
        assertTrue(view.isPlaying(), "it goes on playing after the run");
        assertEquals(view.position(), robot.lookup("#log").queryListView().getItems().size());
    }

    @Test
    void runAndOpenClearTheExplanation(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> view.seek(keepAlive.happenings().size() / 2));
        double y = view.lanes.yOf("conn-serve #1");
        robot.clickOn(robot.point(view.lanes.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(20, y)));
        assertTrue(robot.lookup("#explain").queryAs(TextArea.class).getText().startsWith("Thread: conn-serve"));
        Path file = dir.resolve("k.nhr");
        robot.interact(() -> view.save(file));
        robot.interact(() -> view.open(file));
        String text = robot.lookup("#explain").queryAs(TextArea.class).getText();
        assertTrue(text.startsWith("Keep-alive reuse"), text);
        assertTrue(robot.lookup("#code").queryAs(TextArea.class).getText().isEmpty());
    }

    @Test
    void anEndedThreadIsNotNowRunning(FxRobot robot) {
        List<Happening> hs = keepAlive.happenings();
        int ended = -1;
        for (int i = 0; i < hs.size(); i++) {
            if (hs.get(i) instanceof LibraryEvent le && le.event() instanceof ThreadEvent t && t.kind() == ThreadEvent.Kind.ENDED
                    && t.role() == ThreadRole.CONN_SERVE) ended = i;
        }
        assertTrue(ended > 0);
        int at = ended;
        robot.interact(() -> {
            view.seek(at + 1);
            view.log.getSelectionModel().clearSelection();
        });
        robot.interact(() -> view.log.getSelectionModel().select(at));
        String text = robot.lookup("#explain").queryAs(TextArea.class).getText();
        assertTrue(text.contains("Now ended"), text);
        assertFalse(text.contains("Now running"), text);
        double y = view.lanes.yOf("conn-serve #1");
        robot.clickOn(robot.point(view.lanes.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(20, y)));
        text = robot.lookup("#explain").queryAs(TextArea.class).getText();
        assertTrue(text.contains("Now ended"), text);
    }

    @Test
    void requestsAreNamedByLetterAndAClientConnIsLinkedToTheServersByPort(FxRobot robot) {
        Model m = Model.of(race);
        List<Lanes.Lane> all = m.lanes().all();
        List<String> serverAddrs = all.stream().filter(l -> l.kind() == Lanes.Kind.CONN).map(Lanes.Lane::clientAddr).toList();
        List<Lanes.Lane> clients = all.stream().filter(l -> l.kind() == Lanes.Kind.CLIENT_CONN).toList();
        assertFalse(clients.isEmpty());
        for (Lanes.Lane c : clients) {
            assertFalse(c.clientAddr().isEmpty(), c.label());
            assertTrue(serverAddrs.contains(c.clientAddr()), c.label() + " " + c.clientAddr() + " in " + serverAddrs);
            assertTrue(c.changes().stream().filter(ch -> !ch.on().isEmpty() && ch.on().contains("req"))
                    .allMatch(ch -> ch.on().matches(".*req [a-z]$")), c.changes().toString());
        }
        // Both ends' labels carry the same port in the same colour.
        robot.interact(() -> view.setModel(m, m.size()));
        Lanes.Lane client = clients.get(0);
        String port = client.clientAddr().substring(client.clientAddr().lastIndexOf(':') + 1);
        Lanes.Lane server = all.stream().filter(l -> l.kind() == Lanes.Kind.CONN && l.clientAddr().equals(client.clientAddr())).findFirst().orElseThrow();
        assertTrue(port.length() >= 2);
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = view.lanes.canvas().snapshot(null, null));
        double yc = view.lanes.yOf(client.label()), ys = view.lanes.yOf(server.label());
        if (yc > 0 && ys > 0) {
            int x = (int) view.lanes.gutter() - 6;
            assertEquals(shot[0].getPixelReader().getColor(x, (int) yc - 6), shot[0].getPixelReader().getColor(x, (int) ys - 6));
            assertNotEquals(Color.WHITE, shot[0].getPixelReader().getColor(x, (int) yc - 6));
        }
    }

    // ---- telling moments, paths, ids ----

    @Test
    void keepAlivesTellingMomentFollowsTheCloseOnConnectionClose() {
        int at = Scenarios.byId("keep-alive").orElseThrow().telling(keepAlive);
        List<Happening> hs = keepAlive.happenings();
        boolean closedBefore = false;
        for (int i = 0; i < at; i++) {
            if (hs.get(i) instanceof LibraryEvent le && le.event() instanceof ConnStateEvent s && s.state() == ConnState.CLOSED) closedBefore = true;
        }
        assertTrue(closedBefore, "the screenshot shows conn 1 closed");
        assertTrue(at <= hs.size());
    }

    @Test
    void anUnknownScenarioListsTheValidIdsAndPathsAreTakenFromWhereTheCommandRan() {
        String message = VisualizerApp.unknownScenario("nope");
        for (Scenario s : Scenarios.ALL) assertTrue(message.contains(s.id()), message);
        String before = System.getProperty("visualizer.cwd");
        try {
            System.setProperty("visualizer.cwd", "/somewhere/else");
            assertEquals(Path.of("/somewhere/else/run.nhr"), VisualizerApp.resolve("run.nhr"));
            assertEquals(Path.of("/abs/run.nhr"), VisualizerApp.resolve("/abs/run.nhr"));
        } finally {
            if (before == null) System.clearProperty("visualizer.cwd");
            else System.setProperty("visualizer.cwd", before);
        }
    }

    @Test
    void aWireLineWrapsAndOpensWhole(FxRobot robot) {
        int send = Scenario.after(keepAlive, h -> h instanceof nethttp.visualizer.model.WireBytes w
                && w.bytes().contains("Connection: close"), 0, -1);
        robot.interact(() -> view.seek(send));
        var wire = robot.lookup("#wire").queryListView();
        String last = (String) wire.getItems().get(wire.getItems().size() - 1);
        assertTrue(last.contains("Connection: close\\r\\n\\r\\n"), last);
        robot.interact(() -> view.listTabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.ListCell<?>> cells = new ArrayList<>();
        robot.interact(() -> wire.lookupAll(".list-cell").forEach(n -> cells.add((javafx.scene.control.ListCell<?>) n)));
        javafx.scene.control.ListCell<?> cell = cells.stream().filter(c -> c.isVisible() && c.getText() != null && c.getText().length() > 120)
                .findFirst().orElseThrow(() -> new AssertionError("cells: " + cells.stream().map(c -> c.getText() + " " + c.getHeight()).toList()));
        assertTrue(cell.getHeight() > 2.2 * cell.getFont().getSize(), "a long line wraps: " + cell.getHeight() + " px high");
        robot.interact(() -> wire.getSelectionModel().select(wire.getItems().size() - 1));
        String text = robot.lookup("#explain").queryAs(TextArea.class).getText();
        assertTrue(text.contains("Connection: close"), text);
    }

    // ---- live ----

    @Test
    void aClientThatConnectsToTheLiveServerAppearsAsALane(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            try {
                view.startLive("127.0.0.1:0", false);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        try {
            String addr = view.liveAddress();
            assertTrue(addr.startsWith("127.0.0.1:") && !addr.endsWith(":0"), addr);
            assertFalse(robot.lookup("#liveWarning").queryAs(Label.class).isVisible());
            assertTrue(robot.lookup("#caption").queryAs(Label.class).getText().contains("curl http://" + addr + "/"));
            int port = Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
            String response;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: class\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = s.getInputStream();
                response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.lanes.yOf("conn 1") > 0
                    && view.model().happenings().stream().anyMatch(h -> h instanceof LibraryEvent le
                    && le.event() instanceof ConnStateEvent c && c.state() == ConnState.CLOSED));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(view.model().size(), view.position(), "the view follows the newest step");
            assertTrue(view.model().happenings().stream().anyMatch(h -> h instanceof nethttp.visualizer.model.WireBytes w
                    && w.bytes().startsWith("GET / HTTP/1.1")), "the server's side recorded the request's bytes");

            // The app's own Transport, with Go 1.12's strategy, shows the client's side beside the server's.
            robot.interact(() -> view.sendStrategy.setValue(nethttp.transport.GetConnStrategy.GO_1_12));
            robot.clickOn("#sendPath").eraseText(1).write("/echo?from=app");
            robot.clickOn("#send");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().lanes().all().stream().anyMatch(l ->
                    l.kind() == Lanes.Kind.CLIENT_CONN && l.source().equals("go1.12") && !l.clientAddr().isEmpty()
                    && view.model().lanes().all().stream().anyMatch(k -> k.kind() == Lanes.Kind.CONN && k.clientAddr().equals(l.clientAddr()))));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.lanes.yOf("go1.12 conn 1") > 0);

            // Saved at any time, it replays.
            Path file = dir.resolve("live.nhr");
            robot.interact(() -> view.save(file));
            Recording saved;
            try (Reader r = Files.newBufferedReader(file)) {
                saved = RecordingFile.read(r);
            }
            assertTrue(saved.happenings().size() >= view.model().size() - 1 && saved.happenings().size() > 5);

            // Stepping back stops following; End follows again.
            key(robot, KeyCode.LEFT);
            assertFalse(view.isFollowing());
            key(robot, KeyCode.END);
            assertTrue(view.isFollowing());
        } finally {
            robot.interact(view::stopLive);
        }
    }

    @Test
    void aNonLoopbackAddressNeedsAskingAndThenShowsAWarning(FxRobot robot) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiveServer.start("0.0.0.0:0", false, h -> {}).close());
        assertTrue(e.getMessage().contains("--allow-remote"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LiveServer.start("192.0.2.1:0", false, h -> {}).close());
        assertThrows(IllegalArgumentException.class, () -> LiveServer.start("127.0.0.1", false, h -> {}).close());
        robot.interact(() -> {
            try {
                view.startLive("0.0.0.0:0", true);
            } catch (java.io.IOException ex) {
                throw new AssertionError(ex);
            }
        });
        try {
            Label warning = robot.lookup("#liveWarning").queryAs(Label.class);
            assertTrue(warning.isVisible());
            assertTrue(warning.getText().contains("any machine on this network"), warning.getText());
        } finally {
            robot.interact(view::stopLive);
        }
    }

    // ---- the code panel ----

    @Test
    void clickingALaneShowsTheMethodItsGoNameAndTheChapterSection(FxRobot robot) {
        robot.interact(() -> view.seek(keepAlive.happenings().size() / 2));
        double y = view.lanes.yOf("conn-serve #1");
        robot.clickOn(robot.point(view.lanes.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(20, y)));
        String code = robot.lookup("#code").queryAs(TextArea.class).getText();
        assertTrue(code.contains("@Mirrors(file = \"net/http/server.go\", func = \"conn.serve\")"), code);
        assertTrue(code.contains("void serve("), code);
        assertTrue(code.strip().endsWith("}"), code);
        String title = robot.lookup("#codeTitle").queryAs(Label.class).getText();
        assertTrue(title.startsWith("Conn.serve  mirrors Go's conn.serve"), title);
        String link = robot.lookup("#codeLink").queryAs(Labeled.class).getText();
        assertTrue(link.contains("Chapter 4") && link.contains("section \""), link);
        assertFalse(robot.lookup("#code").queryAs(TextArea.class).getSelectedText().isEmpty(), "the head of the method is highlighted");

        // A line of the log does the same for the step that produced it.
        int read = Scenario.after(keepAlive, h -> h instanceof LibraryEvent le && le.event() instanceof nethttp.event.ExchangeEvent x
                && x.kind() == nethttp.event.ExchangeEvent.Kind.REQUEST_READ, 0, -1);
        robot.interact(() -> view.log.getSelectionModel().select(read - 1));
        assertTrue(robot.lookup("#codeTitle").queryAs(Label.class).getText().contains("conn.readRequest"));
    }

    @Test
    void theCodeLinkOpensTheChaptersPageAtItsSection(FxRobot robot, @TempDir Path book) throws Exception {
        List<String> opened = new ArrayList<>();
        String before = System.getProperty("visualizer.book");
        System.setProperty("visualizer.book", book.toString());
        try {
            robot.interact(() -> {
                view.setBrowser(opened::add);
                view.seek(keepAlive.happenings().size() / 2);
            });
            double y = view.lanes.yOf("conn-serve #1");
            robot.clickOn(robot.point(view.lanes.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(20, y)));
            robot.interact(() -> view.explainTabs.getSelectionModel().select(view.codeTab));
            robot.clickOn("#codeLink");
            assertEquals(List.of(), opened, "no page to open before the book is built");
            assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("mvn -pl chapters package"));

            Files.writeString(book.resolve("ch04-conn-serve.html"), "<html></html>");
            robot.clickOn(robot.point(view.lanes.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(20, y)));
            robot.interact(() -> view.explainTabs.getSelectionModel().select(view.codeTab));
            robot.clickOn("#codeLink");
            assertEquals(List.of(book.resolve("ch04-conn-serve.html").toUri() + "#ch4-loop"), opened);
        } finally {
            if (before == null) System.clearProperty("visualizer.book");
            else System.setProperty("visualizer.book", before);
        }
    }

    @Test
    void everyStepAndLaneOfTheScenariosFindsItsMethodInThePackagedSources() {
        List<String> missing = new ArrayList<>();
        for (Recording rec : List.of(keepAlive, race)) {
            Model m = Model.of(rec);
            for (Happening h : rec.happenings()) {
                CodeLinks.Ref ref = CodeLinks.of(h);
                if (ref != null && CodeIndex.find(ref) == null) missing.add(ref.toString());
            }
            for (Lanes.Lane l : m.lanes().all()) {
                for (Lanes.Change c : l.changes()) {
                    if (CodeIndex.find(CodeLinks.of(l, c)) == null) missing.add(CodeLinks.of(l, c).toString());
                }
            }
        }
        for (ThreadRole r : ThreadRole.values()) {
            for (String source : List.of("", "go1.12", "go1.13")) {
                if (CodeIndex.find(CodeLinks.of(r, source)) == null) missing.add(CodeLinks.of(r, source).toString());
            }
        }
        assertEquals(List.of(), missing.stream().distinct().toList());
    }

    // ---- horizontal zoom ----

    @Test
    void theTimeAxisZoomsAndPansAroundTheCursor(FxRobot robot) {
        robot.interact(() -> view.setModel(Model.of(race), race.happenings().size() / 2));
        LanesView lanes = view.lanes;
        double before = lanes.xOf(11) - lanes.xOf(10);
        key(robot, KeyCode.CLOSE_BRACKET);
        key(robot, KeyCode.CLOSE_BRACKET);
        assertEquals(4, lanes.hZoom(), 1e-9);
        assertEquals(4 * before, lanes.xOf(11) - lanes.xOf(10), 1e-6);
        double cursor = lanes.xOf(view.position());
        assertTrue(cursor >= lanes.gutter() && cursor <= lanes.canvas().getWidth(), "the cursor stays in view: " + cursor);
        key(robot, KeyCode.SHIFT, KeyCode.RIGHT);
        assertTrue(lanes.xOf(view.position()) < cursor, "panning right moves the drawing left");
        key(robot, KeyCode.OPEN_BRACKET);
        assertEquals(2, lanes.hZoom(), 1e-9);
        key(robot, KeyCode.BACK_SLASH);
        assertEquals(1, lanes.hZoom(), 1e-9);
        assertEquals(lanes.gutter(), lanes.xOf(0), 1e-6);
    }
}
