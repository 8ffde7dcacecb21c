package org.conflictkg.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/** Writing converted RDF: output formats, streaming writers, prefixes and atomic files. */
public final class RdfOutputLib {
    private RdfOutputLib() {
    }

    /** Output formats of {@code convert} and {@code export}. */
    public enum Format {
        TRIG(Lang.TRIG, RDFFormat.TRIG_BLOCKS, true),
        TURTLE(Lang.TURTLE, RDFFormat.TURTLE_BLOCKS, false),
        NQUADS(Lang.NQUADS, RDFFormat.NQUADS, true),
        NTRIPLES(Lang.NTRIPLES, RDFFormat.NTRIPLES, false),
        JSONLD(Lang.JSONLD, RDFFormat.JSONLD, true);

        public final Lang lang;
        public final RDFFormat streamFormat;
        /** Whether the format keeps named graphs; triple formats merge all graphs into one. */
        public final boolean quads;

        Format(Lang lang, RDFFormat streamFormat, boolean quads) {
            this.lang = lang;
            this.streamFormat = streamFormat;
            this.quads = quads;
        }

        /** Whether the format can be written as a stream (JSON-LD needs the whole dataset). */
        public boolean streams() {
            return this != JSONLD;
        }

        /**
         * The format a file name's extension names, as RIOT knows extensions ({@code .trig},
         * {@code .ttl}, {@code .nq}, {@code .nt}, {@code .jsonld}, ...), and {@code .json} for
         * JSON-LD; empty for any other name.
         */
        public static Optional<Format> forFileName(String fileName) {
            Lang lang = RDFLanguages.filenameToLang(fileName);
            if (lang == null && fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
                lang = Lang.JSONLD; // the JSON syntax of RDF this tool writes
            }
            for (Format f : values()) {
                if (f.lang.equals(lang)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The prefixes output uses. */
    public static PrefixMap prefixes() {
        PrefixMap pm = PrefixMapFactory.create();
        pm.add("ckg", CKG.NS);
        pm.add("kg", CKG.BASE);
        pm.add("status", CKG.Scheme.STATUS.namespace());
        pm.add("qualifier", CKG.Scheme.QUALIFIER.namespace());
        pm.add("placekind", CKG.Scheme.PLACE_KIND.namespace());
        pm.add("actorkind", CKG.Scheme.ACTOR_KIND.namespace());
        pm.add("eventtype", CKG.Scheme.EVENT_TYPE.namespace());
        pm.add("measure", CKG.Scheme.MEASURE.namespace());
        pm.add("side", CKG.Scheme.SIDE.namespace());
        pm.add("place", CKG.BASE + "place/");
        pm.add("actor", CKG.BASE + "actor/");
        pm.add("sem", CKG.SEM);
        pm.add("prov", CKG.PROV);
        pm.add("skos", CKG.SKOS);
        pm.add("schema", CKG.SCHEMA);
        pm.add("nif", CKG.NIF);
        pm.add("geo", CKG.GEO);
        pm.add("gn", CKG.GN);
        pm.add("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        pm.add("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        pm.add("xsd", "http://www.w3.org/2001/XMLSchema#");
        pm.add("owl", "http://www.w3.org/2002/07/owl#");
        return pm;
    }

    /**
     * Drops quads of the reference graph already seen, so that a stream over many documents
     * says each canonical fact once. Memory grows with the number of distinct canonical facts
     * (places, actors, highways), not with the number of documents.
     */
    public static StreamRDF dedupReference(StreamRDF out) {
        return new StreamRDFWrapper(out) {
            private final Set<Quad> seen = new HashSet<>();

            @Override
            public void quad(Quad q) {
                if (!CKG.GRAPH_REFERENCE.equals(q.getGraph()) || seen.add(q)) {
                    super.quad(q);
                }
            }
        };
    }

    /** Sends quads as triples of one graph (for triple-only formats). */
    public static StreamRDF quadsAsTriples(StreamRDF out) {
        return new StreamRDFWrapper(out) {
            @Override
            public void quad(Quad q) {
                super.triple(q.asTriple());
            }
        };
    }

    /**
     * Writes to {@code target} atomically: {@code producer} writes into a stream, which goes to a
     * temporary file beside the target, moved into place only if the producer completes. If it
     * throws, no file is left behind and the target is untouched.
     */
    public static void writeAtomically(Path target, Format format, Consumer<StreamRDF> producer) {
        writeAtomicallyIf(target, format, sink -> {
            producer.accept(sink);
            return true;
        });
    }

    /**
     * As {@link #writeAtomically}, for a producer that may find out while writing that the output
     * must not be kept: the target is replaced only if {@code producer} returns true; if it
     * returns false or throws, the temporary file is deleted and the target is untouched.
     *
     * @return what the producer returned
     */
    public static boolean writeAtomicallyIf(Path target, Format format, Predicate<StreamRDF> producer) {
        return writeFileAtomicallyIf(target, os -> writeIf(os, format, producer));
    }

    /**
     * Writes any file atomically: {@code body} writes into a temporary file beside the target
     * (created with the permissions of any new file of the user), which replaces the target only
     * if {@code body} returns true; if it returns false or throws, the target is untouched and no
     * file is left behind.
     *
     * <p>A target that exists and is not a regular file (a device such as {@code /dev/null}, a
     * FIFO, a socket, or a link to one; see {@link #isSpecialFile}) is never replaced: {@code body}
     * writes straight to it, and what it wrote cannot be taken back. A directory is refused.
     *
     * @return what the body returned
     */
    public static boolean writeFileAtomicallyIf(Path target, Predicate<OutputStream> body) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new UncheckedIOException("cannot write " + target + ": it is a directory",
                    new FileSystemException(target.toString(), null, "is a directory"));
        }
        if (isSpecialFile(abs)) {
            try (OutputStream os = Files.newOutputStream(abs, StandardOpenOption.WRITE)) {
                return body.test(os);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: it makes the file owner-only, and the output should get the
            // permissions any new file of the user gets.
            tmp = Files.createFile(dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + ".part"));
            boolean keep;
            try (OutputStream os = Files.newOutputStream(tmp)) {
                keep = body.test(os);
            }
            if (!keep) {
                return false;
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and marked .part
                }
            }
        }
    }

    /**
     * True if {@code target} exists (following links) and is neither a regular file nor a
     * directory: a device, FIFO or socket, which output must go straight to rather than replace.
     */
    public static boolean isSpecialFile(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    /** Writes what {@code producer} sends, in {@code format}, streaming where the format allows. */
    public static void write(OutputStream os, Format format, Consumer<StreamRDF> producer) {
        writeIf(os, format, sink -> {
            producer.accept(sink);
            return true;
        });
    }

    /**
     * As {@link #write(OutputStream, Format, Consumer)}; if {@code producer} returns false, the
     * output is left unfinished (a format that does not stream writes nothing) and false returned.
     */
    public static boolean writeIf(OutputStream os, Format format, Predicate<StreamRDF> producer) {
        if (format == Format.NQUADS || format == Format.NTRIPLES) {
            // Jena's line writer, with lines that a pipeline can print ahead on its workers.
            LineSink lines = new LineSink(os, !format.quads);
            lines.start();
            boolean ok = producer.test(lines);
            lines.finish();
            return ok;
        }
        if (format.streams()) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(os, format.streamFormat);
            writer.start();
            prefixes().forEach(writer::prefix);
            StreamRDF in = format.quads ? writer : quadsAsTriples(writer);
            boolean ok = producer.test(dedupReference(in));
            writer.finish();
            return ok;
        }
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        StreamRDF sink = StreamRDFLib.dataset(dsg);
        if (!producer.test(sink)) {
            return false;
        }
        dsg.prefixes().putAll(prefixes());
        RDFDataMgr.write(os, dsg, format.lang);
        return true;
    }

}
