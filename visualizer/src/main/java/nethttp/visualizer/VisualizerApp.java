package nethttp.visualizer;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public class VisualizerApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("hi"), 300, 200));
        stage.show();
        System.out.println("STARTED");
        javafx.application.Platform.exit();
    }
    public static void main(String[] args) { launch(args); }
}
