package nethttp.visualizer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nethttp.event.ClientTraceEvent;
import nethttp.visualizer.model.CodeLinks;
import nethttp.visualizer.model.Explanation;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Recording;
import nethttp.visualizer.scenario.Scenario;
import nethttp.visualizer.scenario.Scenarios;

/**
 * The visualizer: a window that runs the library's server with clients in-process and animates
 * its connections and virtual threads.
 *
 * <p>Options: {@code --scenario ID} runs that scenario at start; {@code --open FILE} opens a
 * recording; {@code --listen HOST:PORT} keeps the server running with the demo routes and shows
 * every connection made to it (loopback only, unless {@code --allow-remote}); {@code --zoom Z}
 * scales the window ({@code presentation} for 1.5, where the smallest text is 18 px);
 * {@code --size WxH} sets the window's size; {@code --full-screen}; {@code --time-scale} starts
 * with the lanes spaced by time; {@code --screenshot DIR} runs every scenario (or only the one
 * {@code --scenario} names), writes a PNG of the window for each into {@code DIR} at the moment
 * that shows its point, and exits. Relative paths are taken from the directory the command was
 * run in.
 */
public class VisualizerApp extends Application {
    static final double WIDTH = 1400, HEIGHT = 880;

    private MainView view;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        view = new MainView();
        view.setBrowser(url -> getHostServices().showDocument(url));
        double[] size = size(option(args, "--size"));
        Scene scene = new Scene(view.root, size[0], size[1]);
        stage.setTitle("nethttp visualizer: connections and virtual threads");
        stage.setScene(scene);
        String zoom = option(args, "--zoom");
        if (zoom != null) view.setZoom(zoomOf(zoom));
        if (args.contains("--full-screen")) stage.setFullScreen(true);
        stage.show();
        String shots = option(args, "--screenshot");
        String open = option(args, "--open");
        String scenario = option(args, "--scenario");
        String listen = option(args, "--listen");
        if (args.contains("--time-scale")) view.timeScale.setSelected(true);
        if (scenario != null && Scenarios.byId(scenario).isEmpty()) {
            String message = unknownScenario(scenario);
            System.err.println(message);
            if (shots != null) {
                Platform.exit();
                return;
            }
            view.status.setText(message);
            scenario = null;
        }
        if (shots != null) {
            List<Scenario> which = scenario == null ? Scenarios.ALL : List.of(Scenarios.byId(scenario).orElseThrow());
            Path dir = resolve(shots);
            Thread.ofVirtual().start(() -> screenshots(view, scene, dir, which));
        } else if (listen != null) {
            try {
                view.startLive(listen, args.contains("--allow-remote"));
                System.out.println("Live on http://" + view.liveAddress() + "/ (try: curl -v http://" + view.liveAddress() + "/)");
            } catch (IOException | IllegalArgumentException e) {
                view.status.setText("Cannot listen on " + listen + ": " + e.getMessage());
                System.err.println("Cannot listen on " + listen + ": " + e.getMessage());
            }
        } else if (open != null) {
            view.open(resolve(open));
        } else if (scenario != null) {
            view.runScenario(Scenarios.byId(scenario).orElseThrow());
        } else if (view.status.getText() == null || view.status.getText().isEmpty()) {
            view.runScenario(Scenarios.ALL.get(0));
        }
    }

    @Override
    public void stop() {
        if (view != null) view.stopLive();
    }

    /** What to say about an unknown scenario id: the ids there are. */
    static String unknownScenario(String id) {
        return "No scenario called \"" + id + "\". The scenarios are: "
                + Scenarios.ALL.stream().map(Scenario::id).collect(Collectors.joining(", "));
    }

    /** {@code presentation} or a factor such as {@code 1.25}. */
    static double zoomOf(String text) {
        if (text.equals("presentation")) return MainView.PRESENTATION;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            System.err.println("--zoom takes a factor (1.5) or \"presentation\", not " + text);
            return 1;
        }
    }

    private static double[] size(String text) {
        if (text != null && text.matches("\\d{3,5}x\\d{3,5}")) {
            String[] wh = text.split("x");
            return new double[] {Double.parseDouble(wh[0]), Double.parseDouble(wh[1])};
        }
        if (text != null) System.err.println("--size takes WIDTHxHEIGHT (1280x720), not " + text);
        return new double[] {WIDTH, HEIGHT};
    }

    /**
     * A path as the user typed it, relative to the directory the command was run in: the build
     * passes that directory as {@code visualizer.cwd}, since it starts the app in the module's own.
     */
    static Path resolve(String path) {
        String base = System.getProperty("visualizer.cwd", System.getProperty("user.dir"));
        return Path.of(base).resolve(path);
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
                    int event = lastLibraryEvent(m, at);
                    view.explain(Explanation.of(m.get(event)), CodeLinks.of(m.get(event)));
                    view.status.setText("Step " + at + " of " + s.title());
                });
                onFx(() -> {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                });
                onFx(() -> writePng(scene.snapshot(null), file));
                System.out.println("wrote " + file);
            }
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    private static final java.util.Set<ClientTraceEvent.Kind> TELLING_CLIENT_STEPS = java.util.EnumSet.of(
            ClientTraceEvent.Kind.GOT_CONN, ClientTraceEvent.Kind.PUT_IDLE_CONN, ClientTraceEvent.Kind.IDLE_WON,
            ClientTraceEvent.Kind.DIAL_WON, ClientTraceEvent.Kind.LOSER_PARKED, ClientTraceEvent.Kind.WAIT_FOR_SLOT);

    /**
     * The index of the last event of the library before {@code position}, for the explanation
     * panel: a client's step when the scenario has a client, its story being the client's; else
     * the server's last change of a connection's state.
     */
    private static int lastLibraryEvent(Model m, int position) {
        for (int i = position - 1; i > 0; i--) {
            if (m.get(i) instanceof LibraryEvent le && le.event() instanceof ClientTraceEvent c && TELLING_CLIENT_STEPS.contains(c.kind())) {
                return i;
            }
        }
        for (int i = position - 1; i > 0; i--) {
            if (m.get(i) instanceof LibraryEvent le && le.event() instanceof nethttp.event.ConnStateEvent) return i;
        }
        for (int i = position - 1; i > 0; i--) if (m.get(i) instanceof LibraryEvent) return i;
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
