package org.conflictkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.conflictkg.io.ResourceLib;

/** The example facts documents shipped inside the jar ({@code examples/*.facts.json}). */
public final class BundledExamples {
    private static final String DIR = "examples/";
    private static final String SUFFIX = ".facts.json";

    private BundledExamples() {}

    /** Names of the bundled facts files, sorted. */
    public static List<String> names() {
        try {
            return ResourceLib.list(BundledExamples.class.getClassLoader(), DIR, SUFFIX);
        } catch (IOException ex) {
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
