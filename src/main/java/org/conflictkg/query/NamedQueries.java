package org.conflictkg.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.conflictkg.io.ResourceLib;

/**
 * The named queries shipped with conflict-kg (classpath {@code queries/NAME.rq}, from the
 * project's {@code queries/} folder), and query files given by path.
 */
public final class NamedQueries {
    private static final String DIR = "queries/";

    private NamedQueries() {}

    /** A named query ({@code control-changes}) or a query file ({@code my.rq}, {@code path/x.rq}). */
    public static NamedQuery resolve(String nameOrFile) {
        if (nameOrFile.endsWith(".rq") || nameOrFile.contains("/") || nameOrFile.contains("\\")) {
            Path p = Path.of(nameOrFile);
            try {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String n = p.getFileName().toString().replaceFirst("\\.rq$", "");
                return NamedQuery.parse(n, p.toString(), text);
            } catch (NoSuchFileException ex) {
                throw KgQueryException.badInput("no such query file: " + p);
            } catch (IOException ex) {
                throw KgQueryException.badInput("cannot read " + p + ": " + ex.getMessage(), ex);
            }
        }
        return named(nameOrFile);
    }

    /** The shipped query with this name. */
    public static NamedQuery named(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw KgQueryException.badInput("not a query name: " + name);
        }
        try (InputStream in = NamedQueries.class.getClassLoader().getResourceAsStream(DIR + name + ".rq")) {
            if (in == null) {
                throw KgQueryException.badInput("no named query '" + name + "' (known: " + String.join(", ", names()) + ")");
            }
            return NamedQuery.parse(name, DIR + name + ".rq", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw KgQueryException.failure("cannot read query " + name + ": " + ex.getMessage(), ex);
        }
    }

    /** Names of the shipped queries, sorted. */
    public static List<String> names() {
        try {
            return ResourceLib.list(NamedQueries.class.getClassLoader(), DIR, ".rq").stream()
                    .map(n -> n.substring(0, n.length() - ".rq".length())).sorted().toList();
        } catch (IOException ex) {
            throw KgQueryException.failure("cannot list the named queries: " + ex.getMessage(), ex);
        }
    }
}
