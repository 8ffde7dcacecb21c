package org.conflictkg.facts;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Passes bytes through unchanged while checking, with the JDK's strict UTF-8 decoder, that they
 * are well-formed UTF-8: overlong forms, encoded surrogates (CESU-8), code points past U+10FFFF,
 * stray or missing continuation bytes and a cut-off last character end the read with a
 * {@link MalformedUtf8Exception} that says where (line and column of the first bad character).
 */
final class Utf8CheckingInputStream extends FilterInputStream {

    /** Bytes that are not well-formed UTF-8, at a 1-based line and column of the decoded text. */
    static final class MalformedUtf8Exception extends IOException {
        final long line;
        final long column;

        MalformedUtf8Exception(long line, long column, String what) {
            super(what);
            this.line = line;
            this.column = column;
        }
    }

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer scratch = CharBuffer.allocate(4096);
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private long line = 1;
    private long column = 1;
    private boolean done;

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    /**
     * Checks bytes held in memory, as reading them through this stream would. Decoding a String
     * replaces every sequence the strict decoder refuses with U+FFFD, so a text without U+FFFD
     * came from well-formed bytes; only a text with one is read through the stream, which says
     * whether and where the bytes are malformed (U+FFFD may also be a character of the text).
     */
    static void check(byte[] bytes) throws MalformedUtf8Exception {
        if (new String(bytes, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0) {
            return;
        }
        try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes))) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (MalformedUtf8Exception e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is always readable
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            check(ByteBuffer.allocate(0), true);
        } else if (n > 0) {
            check(ByteBuffer.wrap(b, off, n), false);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(ByteBuffer bytes, boolean end) throws IOException {
        if (done) {
            return;
        }
        ByteBuffer input = bytes;
        if (carry.hasRemaining()) {
            input = ByteBuffer.allocate(carry.remaining() + bytes.remaining()).put(carry).put(bytes).flip();
        }
        while (true) {
            scratch.clear();
            CoderResult r = decoder.decode(input, scratch, end);
            scratch.flip();
            while (scratch.hasRemaining()) {
                if (scratch.get() == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            if (r.isError()) {
                throw new MalformedUtf8Exception(line, column, "invalid UTF-8: " + r.length()
                        + " byte(s) that are no UTF-8 character (an overlong form, an encoded surrogate as in"
                        + " CESU-8, or an invalid or cut-off sequence); expected UTF-8 text");
            }
            if (!r.isOverflow()) {
                break;
            }
        }
        carry = ByteBuffer.allocate(input.remaining()).put(input).flip();
        if (end) {
            done = true;
        }
    }
}
