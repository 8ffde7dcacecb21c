package org.conflictkg.server;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;

/**
 * SPARQL query whose results, stopped by the timeout while they are being sent, never look
 * complete. Fuseki streams a SELECT's rows as they are found; a timeout after the status line
 * went out would end the body cleanly with HTTP 200 and only a comment saying it is incomplete.
 * Here ({@link Responses} wraps the response and answers in Fuseki's stead):
 * <ul>
 * <li>While the response is still buffered (its first {@link #BUFFER} bytes; flushes are held
 * back until then), the rows written are dropped and the answer is HTTP 503, as for a query
 * stopped before its first row.</li>
 * <li>After that, the connection is aborted: the body ends without its final chunk, which every
 * HTTP client reports as an error.</li>
 * </ul>
 */
final class StreamedQuery extends SPARQL_QueryDataset {
    /** Bytes of results held before the response is committed: up to here a timeout is a clean 503. */
    static final int BUFFER = 1 << 20;

    /**
     * A query that parses but cannot be built (a property function given the wrong arguments)
     * is the request's fault: HTTP 400, not the 500 Fuseki would answer.
     */
    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
        try {
            return super.executeQuery(action, queryExec, query, queryStringLog);
        } catch (QueryBuildException ex) {
            ServletOps.errorBadRequest(ex.getMessage());
            return null;
        }
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue qPrologue) {
        Responses.Held held = held(action.getResponse());
        if (result.isRowSet() && held != null) {
            result = new QueryExecResult(new Guarded(result.rowSet(), held));
        }
        super.sendResults(action, result, qPrologue);
    }

    /** Our response under Fuseki's wrappers, or null. */
    private static Responses.Held held(ServletResponse response) {
        for (ServletResponse r = response; r != null; ) {
            if (r instanceof Responses.Held held) {
                return held;
            }
            r = r instanceof ServletResponseWrapper w ? w.getResponse() : null;
        }
        return null;
    }

    /** The rows, with a timeout while they are read turned into 503 or an aborted response. */
    private static final class Guarded implements RowSet {
        private final RowSet rows;
        private final Responses.Held response;

        Guarded(RowSet rows, Responses.Held response) {
            this.rows = rows;
            this.response = response;
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNext();
            } catch (QueryCancelledException ex) {
                throw stopped();
            }
        }

        @Override
        public Binding next() {
            try {
                return rows.next();
            } catch (QueryCancelledException ex) {
                throw stopped();
            }
        }

        /**
         * Not a {@link QueryCancelledException}, which Fuseki's writer would catch to end the body
         * as if complete; the response, marked as failed, ignores what Fuseki writes from now on
         * and {@link Responses} answers in its stead.
         */
        private ActionErrorException stopped() {
            response.fail();
            return new ActionErrorException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Query timed out", null);
        }

        @Override
        public List<Var> getResultVars() {
            return rows.getResultVars();
        }

        @Override
        public long getRowNumber() {
            return rows.getRowNumber();
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /**
     * The filter in front of the dataset's endpoints: it hands Fuseki a {@link Held} response;
     * if that {@link Held#fail() failed}, it answers 503 while nothing went out, else aborts the
     * connection (an exception out of the filter chain of a committed, unfinished response makes
     * Jetty abort it).
     */
    static final class Responses implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(response instanceof HttpServletResponse http) || response.isCommitted()) {
                chain.doFilter(request, response);
                return;
            }
            Held held = new Held(http);
            chain.doFilter(request, held);
            if (held.failed) {
                if (http.isCommitted()) {
                    throw new IOException("query timed out while its results were being sent; response aborted");
                }
                http.reset(); // the rows written so far, and Fuseki's headers for them
                byte[] message = "Query timed out\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                http.setContentType("text/plain; charset=utf-8");
                http.setHeader("Cache-Control", "no-store");
                http.setContentLength(message.length);
                http.getOutputStream().write(message);
            }
        }

        /**
         * A response with a {@link #BUFFER}-byte buffer whose flushes wait until it is full, and
         * which, once {@link #fail() failed}, ignores further writes, flushes and the closing of
         * its stream (so the body is not ended cleanly, and the filter can still answer 503).
         */
        static final class Held extends HttpServletResponseWrapper {
            private boolean failed;
            private ServletOutputStream stream;

            Held(HttpServletResponse response) {
                super(response);
                response.setBufferSize(BUFFER);
            }

            void fail() {
                failed = true;
            }

            @Override
            public void flushBuffer() throws IOException {
                if (!failed && isCommitted()) {
                    super.flushBuffer();
                }
            }

            @Override
            public ServletOutputStream getOutputStream() throws IOException {
                if (stream == null) {
                    ServletOutputStream out = super.getOutputStream();
                    stream = new ServletOutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            if (!failed) {
                                out.write(b);
                            }
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            if (!failed) {
                                out.write(b, off, len);
                            }
                        }

                        /** Held back while the response is buffered: until then a timeout can still be a 503. */
                        @Override
                        public void flush() throws IOException {
                            if (!failed && isCommitted()) {
                                out.flush();
                            }
                        }

                        @Override
                        public void close() throws IOException {
                            if (!failed) {
                                out.close();
                            }
                        }

                        @Override
                        public boolean isReady() {
                            return out.isReady();
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                            out.setWriteListener(listener);
                        }
                    };
                }
                return stream;
            }
        }
    }
}
