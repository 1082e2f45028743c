package nethttp.visualizer.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import nethttp.event.Event;

/**
 * Writes and reads recordings as text, one happening per line, so that a saved run replays
 * exactly and a person can read the file.
 *
 * <pre>
 * nethttp-recording 1
 * scenario	keep-alive
 * nethttp.event.ConnStateEvent	nanos=8811	conn=1	remoteAddr=127.0.0.1:50214	state=NEW
 * nethttp.visualizer.model.WireBytes	nanos=8790	clientAddr=127.0.0.1:50214	direction=TO_SERVER	bytes=GET / HTTP/1.1%0D%0A...
 * </pre>
 *
 * <p>A line names a record class and gives each of its components as {@code name=value},
 * separated by tabs. An event of one of a scenario's client transports ends with one more field,
 * {@code source=LABEL}, naming the transport:
 *
 * <pre>
 * nethttp.event.ClientTraceEvent	nanos=9120	conn=0	request=2	kind=GET_CONN	detail=127.0.0.1:41234	source=go1.13
 * </pre>
 *
 * <p>Values escape {@code %}, tab, CR, LF and other control characters as
 * {@code %XX}. Components may be numbers, booleans, strings or enums; any library event record
 * made of those is written and read without further code. Only classes of the library's event
 * package and of this package are accepted when reading.
 */
public final class RecordingFile {
    /** The first line of every recording file. */
    public static final String MAGIC = "nethttp-recording 1";

    private static final String SOURCE = "source=";

    private RecordingFile() {}

    /** Writes {@code rec} to {@code out}. */
    public static void write(Recording rec, Writer out) throws IOException {
        out.write(MAGIC + "\n");
        out.write("scenario\t" + escape(rec.scenario()) + "\n");
        for (Happening h : rec.happenings()) {
            Record r = h instanceof LibraryEvent le ? (Record) le.event() : (Record) h;
            StringBuilder line = new StringBuilder(r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                line.append('\t').append(c.getName()).append('=').append(escape(String.valueOf(componentValue(c, r))));
            }
            if (h instanceof LibraryEvent le && le.fromClient()) line.append('\t').append(SOURCE).append(escape(le.source()));
            out.write(line.append('\n').toString());
        }
        out.flush();
    }

    /**
     * Reads a recording written by {@link #write}.
     *
     * @throws IOException when the text is not a recording, names a class that is not an event,
     *     or a value does not fit its component
     */
    public static Recording read(Reader in) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        if (!MAGIC.equals(lines.readLine())) throw new IOException("not a nethttp recording (first line must be \"" + MAGIC + "\")");
        String head = lines.readLine();
        if (head == null || !head.startsWith("scenario\t")) throw new IOException("recording lacks its scenario line");
        String scenario = unescape(head.substring("scenario\t".length()));
        List<Happening> happenings = new ArrayList<>();
        int lineNo = 2;
        for (String line; (line = lines.readLine()) != null; ) {
            lineNo++;
            if (line.isEmpty()) continue;
            try {
                happenings.add(parse(line));
            } catch (IOException | RuntimeException e) {
                throw new IOException("line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new Recording(scenario, happenings);
    }

    private static Happening parse(String line) throws IOException {
        String[] fields = line.split("\t", -1);
        Class<?> type = eventClass(fields[0]);
        RecordComponent[] comps = type.getRecordComponents();
        String source = "";
        boolean sourced = Event.class.isAssignableFrom(type) && fields.length == comps.length + 2
                && fields[fields.length - 1].startsWith(SOURCE);
        if (sourced) source = unescape(fields[fields.length - 1].substring(SOURCE.length()));
        if (fields.length != comps.length + (sourced ? 2 : 1)) throw new IOException(fields[0] + " needs " + comps.length + " values");
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            String f = fields[i + 1];
            int eq = f.indexOf('=');
            if (eq < 0 || !f.substring(0, eq).equals(comps[i].getName())) {
                throw new IOException("expected " + comps[i].getName() + "=..., got " + f);
            }
            types[i] = comps[i].getType();
            args[i] = valueOf(types[i], unescape(f.substring(eq + 1)));
        }
        Object r;
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            r = ctor.newInstance(args);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IOException("cannot build " + type.getName() + ": " + e);
        } catch (InvocationTargetException e) {
            throw new IOException("bad values for " + type.getName() + ": " + e.getCause());
        }
        return r instanceof Event e ? new LibraryEvent(e, source) : (Happening) r;
    }

    /** Only event records of the library and the visualizer's own happenings may be named. */
    private static Class<?> eventClass(String name) throws IOException {
        boolean allowedPackage = name.startsWith("nethttp.event.") || name.startsWith("nethttp.visualizer.model.");
        Class<?> c;
        try {
            c = allowedPackage ? Class.forName(name, false, RecordingFile.class.getClassLoader()) : null;
        } catch (ClassNotFoundException e) {
            c = null;
        }
        boolean ok = c != null && c.isRecord() && c != LibraryEvent.class
                && (Event.class.isAssignableFrom(c) || Happening.class.isAssignableFrom(c));
        if (!ok) throw new IOException("unknown kind of event: " + name);
        return c;
    }

    private static Object componentValue(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object valueOf(Class<?> type, String text) throws IOException {
        try {
            if (type == long.class) return Long.parseLong(text);
            if (type == int.class) return Integer.parseInt(text);
            if (type == boolean.class) return Boolean.parseBoolean(text);
            if (type == String.class) return text;
            if (type.isEnum()) return Enum.valueOf((Class<? extends Enum>) type, text);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad value \"" + text + "\" for " + type.getSimpleName());
        }
        throw new IOException("components of type " + type.getName() + " cannot be recorded");
    }

    /** Escapes what would break the line-and-tab layout; everything else stays as it is. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c < 0x20 || c == 0x7f) b.append('%').append(String.format("%02X", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    static String unescape(String s) throws IOException {
        if (s.indexOf('%') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            try {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IOException("bad escape in \"" + s + "\"");
            }
            i += 2;
        }
        return b.toString();
    }
}
