package org.conflictkg.rdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.writer.WriterStreamRDFPlain;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sys.JenaSystem;

/**
 * A stream into N-Quads or N-Triples (one graph) whose lines can be made on other threads: each
 * line depends only on its quad, so a worker can print a document's quads ahead
 * ({@link #format}) and the writing thread copies the bytes ({@link #send}), in order. Output is
 * byte for byte what Jena's stream writer for the format prints ({@code WriterStreamRDFPlain},
 * UTF-8) for the same quads, with the reference graph's quads already seen dropped, as
 * {@link RdfOutputLib#dedupReference} drops them: those are printed, or dropped, by the writing
 * thread. Made by {@link RdfOutputLib#write} for the two line formats.
 */
public final class LineSink implements StreamRDF {
    static {
        JenaSystem.init();  // as Jena's own writers do: this may be the first of Jena a program uses
    }

    /** The lines of a document's quads outside the reference graph, printed ahead; UTF-8. */
    public static final class Lines {
        private final byte[] bytes;

        private Lines(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private final OutputStream os;
    private final AWriter out;
    private final WriterStreamRDFPlain writer;
    private final boolean triples;
    private final Set<Quad> seen = new HashSet<>();

    LineSink(OutputStream os, boolean triples) {
        this.os = os;
        this.out = IO.wrapUTF8(os);
        this.writer = new WriterStreamRDFPlain(out, CharSpace.UTF8);
        this.triples = triples;
    }

    /**
     * The lines of {@code quads} outside the reference graph, printed as this sink would print
     * them; null if they cannot be printed ahead (a blank node, or a reference quad after another
     * one: the converter sends the reference graph's quads first). Safe on any thread.
     */
    public Lines format(List<Quad> quads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(quads.size() * 128);
        AWriter buffer = IO.wrapUTF8(bytes);
        WriterStreamRDFPlain lines = new WriterStreamRDFPlain(buffer, CharSpace.UTF8);
        boolean article = false;
        for (Quad q : quads) {
            if (q.getSubject().isBlank() || q.getObject().isBlank() || q.getGraph().isBlank()) {
                return null;
            }
            if (isReference(q)) {
                if (article) {
                    return null;
                }
                continue;
            }
            article = true;
            print(lines, q);
        }
        buffer.flush();
        return new Lines(bytes.toByteArray());
    }

    /**
     * Writes {@code quads}, whose other lines {@link #format} made as {@code lines}: the same as
     * sending each quad to {@link #quad}, in order. On the writing thread.
     */
    public void send(List<Quad> quads, Lines lines) {
        for (Quad q : quads) {
            if (isReference(q)) {
                quad(q);
            }
        }
        if (lines.bytes.length > 0) {
            out.flush();
            try {
                os.write(lines.bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean isReference(Quad q) {
        return CKG.GRAPH_REFERENCE.equals(q.getGraph());
    }

    private void print(WriterStreamRDFPlain w, Quad q) {
        if (triples) {
            w.triple(q.asTriple());
        } else {
            w.quad(q);
        }
    }

    @Override
    public void start() {
        writer.start();
    }

    @Override
    public void triple(org.apache.jena.graph.Triple triple) {
        writer.triple(triple);
    }

    @Override
    public void quad(Quad q) {
        if (!isReference(q) || seen.add(q)) {
            print(writer, q);
        }
    }

    @Override
    public void base(String base) {
        writer.base(base);
    }

    @Override
    public void prefix(String prefix, String iri) {
        writer.prefix(prefix, iri);
    }

    @Override
    public void version(String version) {
        writer.version(version);
    }

    @Override
    public void finish() {
        writer.finish();
    }
}
