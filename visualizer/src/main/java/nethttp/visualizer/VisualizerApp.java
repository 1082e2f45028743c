package nethttp.visualizer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Recording;
import nethttp.visualizer.scenario.Scenario;
import nethttp.visualizer.scenario.Scenarios;

/**
 * The visualizer: a window that runs the library's server with clients in-process and animates
 * its connections and virtual threads.
 *
 * <p>Options: {@code --scenario ID} runs that scenario at start; {@code --open FILE} opens a
 * recording; {@code --screenshot DIR} runs every scenario (or only the one {@code --scenario}
 * names), writes a PNG of the window for each into {@code DIR}, and exits; {@code --time-scale} starts with the lanes spaced by time.
 */
public class VisualizerApp extends Application {
    static final double WIDTH = 1400, HEIGHT = 880;

    @Override
    public void start(Stage stage) {
        MainView view = new MainView();
        Scene scene = new Scene(view.root, WIDTH, HEIGHT);
        stage.setTitle("nethttp visualizer: connections and virtual threads");
        stage.setScene(scene);
        stage.show();
        List<String> args = getParameters().getRaw();
        String shots = option(args, "--screenshot");
        String open = option(args, "--open");
        String scenario = option(args, "--scenario");
        if (args.contains("--time-scale")) view.timeScale.setSelected(true);
        if (shots != null) {
            List<Scenario> which = scenario == null ? Scenarios.ALL : Scenarios.byId(scenario).map(List::of).orElse(List.of());
            Thread.ofVirtual().start(() -> screenshots(view, scene, Path.of(shots), which));
        } else if (open != null) {
            view.open(Path.of(open));
        } else if (scenario != null) {
            Scenarios.byId(scenario).ifPresentOrElse(view::runScenario,
                    () -> view.status.setText("No scenario called " + scenario));
        } else {
            view.runScenario(Scenarios.ALL.get(0));
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** Records each scenario and saves a picture of the window at a telling moment of it. */
    private static void screenshots(MainView view, Scene scene, Path dir, List<Scenario> which) {
        try {
            Files.createDirectories(dir);
            for (Scenario s : which) {
                Recording rec = s.record(h -> {});
                Path file = dir.resolve(s.id() + ".png");
                onFx(() -> {
                    Model m = Model.of(rec);
                    int at = s.telling(rec);
                    view.setModel(m, at);
                    view.explain(nethttp.visualizer.model.Explanation.of(m.get(lastLibraryEvent(m, at))));
                    view.status.setText("Screenshot of " + s.title());
                });
                onFx(() -> {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    writePng(scene.snapshot(null), file);
                });
                System.out.println("wrote " + file);
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    private static final java.util.Set<nethttp.event.ClientTraceEvent.Kind> TELLING_CLIENT_STEPS = java.util.EnumSet.of(
            nethttp.event.ClientTraceEvent.Kind.GOT_CONN, nethttp.event.ClientTraceEvent.Kind.PUT_IDLE_CONN,
            nethttp.event.ClientTraceEvent.Kind.IDLE_WON, nethttp.event.ClientTraceEvent.Kind.DIAL_WON,
            nethttp.event.ClientTraceEvent.Kind.LOSER_PARKED, nethttp.event.ClientTraceEvent.Kind.WAIT_FOR_SLOT);

    /**
     * The index of the last event of the library before {@code position}, for the explanation
     * panel: a client's step when the scenario has a client, its story being the client's.
     */
    private static int lastLibraryEvent(Model m, int position) {
        for (int i = position - 1; i > 0; i--) {
            if (m.get(i) instanceof nethttp.visualizer.model.LibraryEvent le
                    && le.event() instanceof nethttp.event.ClientTraceEvent c && TELLING_CLIENT_STEPS.contains(c.kind())) return i;
        }
        for (int i = position - 1; i > 0; i--) if (m.get(i) instanceof nethttp.visualizer.model.LibraryEvent) return i;
        return 0;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    static void writePng(WritableImage img, Path file) {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pr = img.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, pr.getArgb(x, y));
        try {
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
