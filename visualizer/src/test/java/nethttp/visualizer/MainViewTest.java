package nethttp.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import nethttp.core.ConnState;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ConnStateEvent;
import nethttp.visualizer.model.BreakOn;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Recording;
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
 * Drives the window's controls as a person would, on Monocle's headless platform, and checks
 * what the views show.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private static Recording keepAlive;
    private static Recording race;
    private MainView view;

    @BeforeAll
    static void recordOnce() throws Exception {
        keepAlive = Scenarios.byId("keep-alive").orElseThrow().record(h -> {});
        race = Scenarios.byId("race-idle-wins").orElseThrow().record(h -> {});
    }

    @Start
    void start(Stage stage) {
        view = new MainView();
        stage.setScene(new Scene(view.root, VisualizerApp.WIDTH, VisualizerApp.HEIGHT));
        stage.show();
        view.setModel(Model.of(keepAlive), 0);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static List<String> items(FxRobot robot, String id) {
        return new ArrayList<>(robot.lookup(id).queryListView().getItems().stream().map(Object::toString).toList());
    }

    /** The index of the first happening at which connection 1 goes idle. */
    private static int firstIdle() {
        List<Happening> hs = keepAlive.happenings();
        for (int i = 0; i < hs.size(); i++) {
            if (hs.get(i) instanceof LibraryEvent le && le.event() instanceof ConnStateEvent s && s.state() == ConnState.IDLE) return i;
        }
        throw new AssertionError("no idle state recorded");
    }

    @Test
    void stepForwardAndBackMoveOneHappening(FxRobot robot) {
        robot.clickOn("#stepForward").clickOn("#stepForward").clickOn("#stepForward");
        assertEquals(3, view.position());
        assertTrue(text(robot, "#position").startsWith("step 3 / " + keepAlive.happenings().size()), text(robot, "#position"));
        assertEquals(2, robot.lookup("#log").queryListView().getSelectionModel().getSelectedIndex());
        robot.clickOn("#stepBack");
        assertEquals(2, view.position());
        robot.clickOn("#stepBack").clickOn("#stepBack").clickOn("#stepBack");
        assertEquals(0, view.position(), "stepping back stops at the start");
    }

    @Test
    void jumpGoesToTheTypedStep(FxRobot robot) {
        robot.clickOn("#jumpField").write("17").clickOn("#jump");
        assertEquals(17, view.position());
        robot.doubleClickOn("#jumpField").write("abc").clickOn("#jump");
        assertEquals(17, view.position());
        assertTrue(text(robot, "#status").startsWith("Type a step number"), text(robot, "#status"));
    }

    @Test
    void scrubbingTheTimelineSetsThePosition(FxRobot robot) {
        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        robot.interact(() -> timeline.setValue(25));
        assertEquals(25, view.position());
        robot.interact(() -> timeline.setValue(timeline.getMax()));
        assertEquals(keepAlive.happenings().size(), view.position());
    }

    @Test
    void theSpeedGoesDownToOneStepPerSecond(FxRobot robot) {
        Slider speed = robot.lookup("#speed").queryAs(Slider.class);
        robot.interact(() -> speed.setValue(speed.getMin()));
        assertEquals("1 steps/s", text(robot, "#speedLabel"));
        assertEquals(1.0, view.eventsPerSecond());
        robot.interact(() -> speed.setValue(speed.getMax()));
        assertEquals(MainView.MAX_SPEED, view.eventsPerSecond());
    }

    @Test
    void playRunsToTheEndAndPauseStopsIt(FxRobot robot) throws Exception {
        Slider speed = robot.lookup("#speed").queryAs(Slider.class);
        robot.interact(() -> speed.setValue(speed.getMin()));
        robot.clickOn("#play");
        assertTrue(view.isPlaying());
        robot.clickOn("#pause");
        assertFalse(view.isPlaying());
        int paused = view.position();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, view.position(), "nothing moves while paused");
        robot.interact(() -> speed.setValue(speed.getMax()));
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.isPlaying());
        assertEquals(keepAlive.happenings().size(), view.position());
        assertEquals("End of the recording", text(robot, "#status"));
    }

    @Test
    void breakOnIdleStopsWhereTheConnectionGoesIdleAndTheLanesShowIt(FxRobot robot) throws Exception {
        Slider speed = robot.lookup("#speed").queryAs(Slider.class);
        robot.interact(() -> {
            speed.setValue(speed.getMax());
            view.breakOn.setValue(BreakOn.CONN_IDLE);
        });
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.isPlaying());
        int idle = firstIdle();
        assertEquals(idle + 1, view.position());
        assertTrue(text(robot, "#status").startsWith("Break: a connection goes idle"), text(robot, "#status"));
        assertTrue(items(robot, "#now").get(0).matches("conn 1 +idle .*1 req.*"), items(robot, "#now").get(0));
        assertTrue(robot.lookup("#explain").queryAs(TextArea.class).getText().startsWith("Connection state: idle"));

        // The connection's lane is drawn in the idle colour just before the cursor, active earlier.
        LanesView lanes = view.lanes;
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = lanes.canvas().snapshot(null, null));
        double y = lanes.yOf("conn 1");
        assertTrue(y > 0, "conn 1 is in view");
        Color atCursor = shot[0].getPixelReader().getColor((int) (lanes.xOf(idle + 1) - 2), (int) y);
        assertEquals(LanesView.IDLE, atCursor);
        Color before = shot[0].getPixelReader().getColor((int) (lanes.xOf(idle) - 3), (int) y);
        assertEquals(LanesView.ACTIVE, before);

        // Playing on stops at the next idle state.
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.isPlaying());
        assertTrue(BreakOn.CONN_IDLE.matches(keepAlive.happenings().get(view.position() - 1)));
        assertTrue(view.position() > idle + 1);
    }

    @Test
    void theTimeScaleSpacesTheLanesByTime(FxRobot robot) {
        int idle = firstIdle();
        int nextActive = idle + 1;
        while (!BreakOn.CONN_ACTIVE.matches(keepAlive.happenings().get(nextActive))) nextActive++;
        int at = nextActive;
        robot.interact(() -> view.seek(at));
        LanesView lanes = view.lanes;
        double bySteps = lanes.xOf(idle);
        robot.clickOn("#timeScale");
        double byTime = lanes.xOf(idle);
        assertTrue(Math.abs(bySteps - byTime) > 1, bySteps + " vs " + byTime);
        // The idle span lasts the client's pause: it runs from the idle event to the cursor.
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = lanes.canvas().snapshot(null, null));
        double mid = (byTime + lanes.xOf(at - 1)) / 2;
        assertEquals(LanesView.IDLE, shot[0].getPixelReader().getColor((int) mid, (int) lanes.yOf("conn 1")));
    }

    @Test
    void breakingOnTheRaceStopsAtEachOutcomeAndThePoolListShowsTheWaiters(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.setModel(Model.of(race), 0);
            view.speed.setValue(view.speed.getMax());
            view.breakOn.setValue(BreakOn.CLIENT_RACE_DECIDED);
        });
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20 && view.position() < race.happenings().size(); i++) {
            robot.clickOn("#play");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.isPlaying());
            if (view.position() < race.happenings().size() || BreakOn.CLIENT_RACE_DECIDED.matches(race.happenings().get(view.position() - 1))) {
                LibraryEvent le = (LibraryEvent) race.happenings().get(view.position() - 1);
                ClientTraceEvent c = (ClientTraceEvent) le.event();
                outcomes.add(le.source() + " req " + c.request() + " " + c.kind());
            }
        }
        // Request a's dial wins on each transport; b is served by a's connection as it turns idle.
        assertEquals(List.of("go1.12 req 1 DIAL_WON", "go1.12 req 2 IDLE_WON", "go1.13 req 1 DIAL_WON", "go1.13 req 2 IDLE_WON"),
                outcomes.stream().sorted().toList());

        // Where b's dial has started on both transports, the list shows b waiting, a holding conn 1, conn 2 dialing.
        int bothDialing = 0;
        for (int i = 0, seen = 0; i < race.happenings().size() && seen < 2; i++) {
            if (race.happenings().get(i) instanceof LibraryEvent le && le.event() instanceof ClientTraceEvent c
                    && c.kind() == ClientTraceEvent.Kind.CONNECT_START && c.request() == 2) {
                seen++;
                bothDialing = i + 1;
            }
        }
        int at = bothDialing;
        robot.interact(() -> view.seek(at));
        List<String> pool = items(robot, "#pool");
        for (String side : List.of("go1.12", "go1.13")) {
            int head = pool.indexOf(pool.stream().filter(l -> l.startsWith(side + " to 127.0.0.1:")).findFirst().orElseThrow());
            assertEquals(List.of("  idle pool     -", "  want a conn   req b", "  want a slot   -", "  dialing       conn 2 for req b",
                    "  in use        conn 1 by req a"), pool.subList(head + 1, head + 6), side + ": " + pool);
        }
        LanesView lanes = view.lanes;
        double y = lanes.yOf("go1.13 conn 2");
        assertTrue(y > 0, "go1.13's conn 2 is in view");
        robot.clickOn(robot.point(lanes.canvas()).atPosition(javafx.geometry.Pos.TOP_LEFT).atOffset(new javafx.geometry.Point2D(20, y)));
        String text = robot.lookup("#explain").queryAs(TextArea.class).getText();
        assertTrue(text.startsWith("Client connection: dialing for req b"), text);
        assertTrue(text.contains("Chapter 9, \"The getConn race\""), text);
    }

    @Test
    void clickingALaneExplainsItAndNamesTheChapter(FxRobot robot) {
        robot.interact(() -> view.seek(firstIdle() + 1));
        LanesView lanes = view.lanes;
        double y = lanes.yOf("conn-serve #1");
        robot.clickOn(robot.point(lanes.canvas()).atPosition(javafx.geometry.Pos.TOP_LEFT).atOffset(new javafx.geometry.Point2D(20, y)));
        String text = robot.lookup("#explain").queryAs(TextArea.class).getText();
        assertTrue(text.startsWith("Thread: conn-serve"), text);
        assertTrue(text.contains("Chapter 4, \"The conn.serve loop and the connection states\"")
                || text.contains("Chapter 5, \"readRequest and textproto\""), text);
    }

    @Test
    void clickingALogLineJumpsThereAndExplainsIt(FxRobot robot) {
        ListView<?> log = robot.lookup("#log").queryListView();
        robot.interact(() -> view.seek(10));
        robot.interact(() -> log.getSelectionModel().select(4));
        assertEquals(5, view.position());
        assertFalse(robot.lookup("#explain").queryAs(TextArea.class).getText().isBlank());
    }

    @Test
    void aSavedRunReopensToTheSameViewsAtEveryStep(FxRobot robot, @TempDir Path dir) throws Exception {
        List<List<String>> before = new ArrayList<>();
        for (int p = 0; p <= keepAlive.happenings().size(); p++) {
            int at = p;
            robot.interact(() -> view.seek(at));
            before.add(List.of(text(robot, "#position"), String.join("\n", items(robot, "#now")), String.join("\n", items(robot, "#wire"))));
        }
        Path file = dir.resolve("run.nhr");
        robot.interact(() -> view.save(file));
        assertTrue(Files.size(file) > 0);
        robot.interact(() -> view.setModel(new Model("none"), 0));
        robot.interact(() -> view.open(file));
        assertTrue(text(robot, "#status").startsWith("Opened run.nhr"), text(robot, "#status"));
        for (int p = 0; p <= keepAlive.happenings().size(); p++) {
            int at = p;
            robot.interact(() -> view.seek(at));
            assertEquals(before.get(p), List.of(text(robot, "#position"), String.join("\n", items(robot, "#now")),
                    String.join("\n", items(robot, "#wire"))), "step " + p);
        }
    }

    @Test
    void runningAScenarioAnimatesItLive(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.scenarios.setValue(Scenarios.byId("handler-throws").orElseThrow());
            view.speed.setValue(view.speed.getMax());
        });
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.isRecording() && !view.isPlaying());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("handler-throws", view.model().scenario());
        assertEquals(view.model().size(), view.position(), "the playback went on to the run's end");
        assertTrue(items(robot, "#log").stream().anyMatch(l -> l.contains("http: panic serving")));
        assertEquals("End of the recording", text(robot, "#status"));
    }

    @Test
    void twoHundredConnectionsAndTenThousandStepsCanBeScrubbedAndPlayed(FxRobot robot) throws Exception {
        Model big = Model.of(nethttp.visualizer.model.Synthetic.servers(200, 4));
        robot.interact(() -> view.setModel(big, 0));
        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        for (int p : new int[] {9_000, 123, big.size(), 4_444}) {
            robot.interact(() -> timeline.setValue(p));
            assertEquals(p, view.position());
        }
        assertEquals(200, items(robot, "#now").stream().filter(l -> l.startsWith("conn ")).count());
        robot.moveTo("#lanes").scroll(20, javafx.geometry.VerticalDirection.DOWN);
        Slider speed = robot.lookup("#speed").queryAs(Slider.class);
        robot.interact(() -> {
            speed.setValue(speed.getMax());
            view.breakOn.setValue(BreakOn.CONN_IDLE);
        });
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.isPlaying());
        assertTrue(BreakOn.CONN_IDLE.matches(big.get(view.position() - 1)));
    }

    @Test
    void theExportIsWrittenToAFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        robot.interact(() -> view.exportTrace(file));
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\"displayTimeUnit\":\"ms\",\"traceEvents\":["), json.substring(0, 60));
        assertTrue(text(robot, "#status").contains("perfetto"), text(robot, "#status"));
    }
}
