package org.conflictkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The example facts documents shipped inside the jar ({@code examples/*.facts.json}). */
public final class BundledExamples {
    private static final String DIR = "examples/";
    private static final String SUFFIX = ".facts.json";

    private BundledExamples() {}

    /** Names of the bundled facts files, sorted. */
    public static List<String> names() {
        URL url = BundledExamples.class.getClassLoader().getResource(DIR);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            Path dir;
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ex) {
                    fs = FileSystems.getFileSystem(uri);
                }
                dir = fs.getPath(DIR);
            } else {
                dir = Path.of(uri);
            }
            List<String> names = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).sorted().forEach(names::add);
            }
            return names;
        } catch (URISyntaxException | IOException ex) {
            throw StoreException.failure("cannot list the bundled examples: " + ex.getMessage(), ex);
        }
    }

    /** Copies the bundled facts files into {@code dir} and returns their paths. */
    public static List<Path> copyTo(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String name : names()) {
                try (InputStream in = BundledExamples.class.getClassLoader().getResourceAsStream(DIR + name)) {
                    Path target = dir.resolve(name);
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    out.add(target);
                }
            }
        } catch (IOException ex) {
            throw StoreException.failure("cannot copy the bundled examples to " + dir + ": " + ex.getMessage(), ex);
        }
        if (out.isEmpty()) {
            throw StoreException.failure("no bundled examples in this build");
        }
        return out;
    }
}
