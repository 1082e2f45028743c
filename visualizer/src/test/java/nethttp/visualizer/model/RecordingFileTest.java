package nethttp.visualizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import nethttp.visualizer.scenario.Scenarios;
import org.junit.jupiter.api.Test;

class RecordingFileTest {

    static Recording roundTrip(Recording rec) throws IOException {
        StringWriter w = new StringWriter();
        RecordingFile.write(rec, w);
        return RecordingFile.read(new StringReader(w.toString()));
    }

    @Test
    void aRecordedScenarioReplaysToTheSameSequenceOfViewStates() throws Exception {
        Recording live = Scenarios.byId("pipelining").orElseThrow().record(h -> {});
        Recording replayed = roundTrip(live);
        assertEquals(live, replayed);
        Model a = Model.of(live), b = Model.of(replayed);
        assertEquals(a.size(), b.size());
        for (int p = 0; p <= a.size(); p++) assertEquals(a.stateAt(p), b.stateAt(p), "position " + p);
    }

    @Test
    void everyByteValueSurvivesTheFile() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 256; c++) all.append(c);
        all.append("%41 \t\r\n→");
        Recording rec = new Recording("bytes\tand%names", List.of(
                new WireBytes(-5, "127.0.0.1:1", WireBytes.Direction.TO_CLIENT, all.toString()),
                new Note(Long.MAX_VALUE, all.toString())));
        assertEquals(rec, roundTrip(rec));
    }

    @Test
    void aFileIsOneLinePerHappening() throws IOException {
        Recording rec = Synthetic.servers(2, 1);
        StringWriter w = new StringWriter();
        RecordingFile.write(rec, w);
        List<String> lines = w.toString().lines().toList();
        assertEquals(RecordingFile.MAGIC, lines.get(0));
        assertEquals("scenario\tsynthetic", lines.get(1));
        assertEquals(rec.happenings().size() + 2, lines.size());
        assertTrue(lines.get(3).startsWith("nethttp.event.ConnStateEvent\tnanos=1001\tconn=1\tremoteAddr=127.0.0.1:40001\tstate=NEW"),
                lines.get(3));
    }

    @Test
    void foreignOrDamagedFilesAreRefusedWithTheLine() {
        String head = RecordingFile.MAGIC + "\nscenario\tx\n";
        IOException e = assertThrows(IOException.class, () -> RecordingFile.read(new StringReader(head + "java.lang.Runtime\tx=1\n")));
        assertTrue(e.getMessage().contains("line 3: unknown kind of event: java.lang.Runtime"), e.getMessage());
        e = assertThrows(IOException.class, () -> RecordingFile.read(new StringReader(head
                + "nethttp.visualizer.model.Note\tnanos=12x\ttext=a\n")));
        assertTrue(e.getMessage().contains("bad value \"12x\" for long"), e.getMessage());
        e = assertThrows(IOException.class, () -> RecordingFile.read(new StringReader(head
                + "nethttp.event.ConnStateEvent\tnanos=1\tconn=1\tremoteAddr=a\tstate=SLEEPY\n")));
        assertTrue(e.getMessage().contains("bad value \"SLEEPY\" for ConnState"), e.getMessage());
        e = assertThrows(IOException.class, () -> RecordingFile.read(new StringReader(head
                + "nethttp.visualizer.model.Note\tnanos=1\ttext=%4\n")));
        assertTrue(e.getMessage().contains("bad escape"), e.getMessage());
        assertThrows(IOException.class, () -> RecordingFile.read(new StringReader("{\"traceEvents\":[]}\n")));
    }
}
