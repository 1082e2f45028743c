package nethttp.exercises;

import java.io.IOException;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the students' files, one exercise at a time, so that a file that does not compile
 * keeps only its own exercise from being graded.
 *
 * <p>Maven compiles the graders against the pristine stubs ({@code src/stubs}); the students'
 * files in the exercise folders are compiled here, at grading time, each exercise into a folder
 * of its own under {@code target/student}. {@link #loader} then loads the grading classes again,
 * this time seeing the students' classes in place of the stubs they compiled.
 */
final class StudentFiles {
    private StudentFiles() {}

    /** What compiling one exercise's folder gave: its classes, or the compiler's messages. */
    record Compiled(String id, Path classes, String errors) {
        boolean ok() {
            return errors == null;
        }
    }

    /** Compiles the {@code .java} files of each exercise's folder under {@code exercisesDir}. */
    static Map<String, Compiled> compile(Path exercisesDir, List<String> ids) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("grading needs a JDK (javac), and this is a JRE");
        Map<String, Compiled> out = new LinkedHashMap<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            for (String id : ids) {
                Path folder = exercisesDir.resolve(id);
                Path classes = exercisesDir.resolve("target").resolve("student").resolve(id);
                deleteTree(classes);
                Files.createDirectories(classes);
                List<Path> sources;
                try (Stream<Path> s = Files.list(folder)) {
                    sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
                }
                Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
                StringWriter messages = new StringWriter();
                List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-nowarn",
                        "-Xlint:none", "-encoding", "UTF-8", "-sourcepath", "", "-classpath",
                        System.getProperty("java.class.path"), "-d", classes.toString());
                boolean ok = javac.getTask(messages, files, null, options, null, units).call();
                String errors = ok ? null : relative(messages.toString(), exercisesDir).strip();
                out.put(id, new Compiled(id, classes, errors));
            }
        }
        return out;
    }

    /** The compiler names files by their full path; a student reads them from the repository's root. */
    private static String relative(String messages, Path exercisesDir) {
        String abs = exercisesDir.toAbsolutePath().normalize() + java.io.File.separator;
        return messages.replace(abs, "exercises" + java.io.File.separator);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /**
     * A class loader that loads the grading classes ({@code nethttp.exercises}) and the students'
     * classes ({@code exercises}) itself, the students' compiled folders first, so that the
     * graders see the students' classes; everything else (the library, the test tools, the JDK)
     * comes from the usual class path.
     */
    static ClassLoader loader(Iterable<Compiled> compiled) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Compiled c : compiled) {
            if (c.ok()) urls.add(c.classes().toUri().toURL());
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new ChildFirst(urls.toArray(URL[]::new), StudentFiles.class.getClassLoader());
    }

    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("exercises.") && !name.startsWith("nethttp.exercises.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }
}
