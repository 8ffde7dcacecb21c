package org.conflictkg.io;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Static helpers for the data files the project ships on its class path (in the jar or a build folder). */
public final class ResourceLib {
    private ResourceLib() {}

    /**
     * The names of the files in the class-path folder {@code dir} (such as {@code "examples/"})
     * that end with {@code suffix}, sorted; empty if the folder is not on the class path.
     */
    public static List<String> list(ClassLoader loader, String dir, String suffix) throws IOException {
        URL url = loader.getResource(dir);
        if (url == null) {
            return List.of();
        }
        Path folder;
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ex) {
                    fs = FileSystems.getFileSystem(uri);
                }
                folder = fs.getPath(dir);
            } else {
                folder = Path.of(uri);
            }
        } catch (URISyntaxException ex) {
            throw new IOException("not a file or jar URL: " + url, ex);
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }
}
