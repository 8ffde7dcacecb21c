package org.conflictkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.commons.io.output.WriterOutputStream;

/** Where commands write. */
final class Outputs {
    private Outputs() {
    }

    /**
     * Bytes written by a stream-based writer (Jena's result and RDF writers), decoded as UTF-8 onto
     * a command's {@link PrintWriter}, so that output goes wherever the command line sends it (tests
     * capture it). A multi-byte character split across writes is kept until it is complete. Flush
     * it when done; closing it closes {@code out}.
     */
    static OutputStream utf8(PrintWriter out) {
        try {
            return WriterOutputStream.builder().setWriter(out).setCharset(StandardCharsets.UTF_8).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code body} on a {@link #utf8} stream onto {@code out}, then flushes it (not closing {@code out}). */
    static void bytes(PrintWriter out, Consumer<OutputStream> body) {
        OutputStream os = utf8(out);
        body.accept(os);
        flush(os);
    }

    /** Flushes {@code os}; an I/O error is unchecked. */
    static void flush(OutputStream os) {
        try {
            os.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
