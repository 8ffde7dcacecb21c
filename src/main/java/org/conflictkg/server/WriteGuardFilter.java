package org.conflictkg.server;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.eclipse.jetty.http.HttpException;

/**
 * Screens requests that may change the dataset (any method but GET, HEAD and OPTIONS, under the
 * dataset path), before Fuseki sees them:
 * <ul>
 * <li>Cross-site request forgery: a request whose {@code Origin} header (or, without one, its
 * {@code Referer}) names another site than the one it was sent to (its {@code Host}) gets
 * HTTP 403. A request with neither header (curl, {@code load --endpoint}) passes, as does a page
 * of this server itself.</li>
 * <li>A body cut off by the server's size limit while it is read (sent without a length, so
 * the limit could not refuse it up front) ends the request with HTTP 413, not a server error.</li>
 * </ul>
 */
final class WriteGuardFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private final String dataset;

    WriteGuardFilter(String dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void doFilter(HttpServletRequest http, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(http.getMethod().toUpperCase(Locale.ROOT)) && PageLib.isUnder(PageLib.pathInContext(http), dataset)) {
            String foreign = foreignOrigin(http);
            if (foreign != null) {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site write refused: " + foreign
                        + " is not this server (" + http.getHeader("Host") + ")");
                return;
            }
            chain.doFilter(new LimitedBody(http), resp);
            return;
        }
        chain.doFilter(http, resp);
    }

    /**
     * The origin that makes {@code http} a cross-site request, or null if it is not one: the
     * {@code Origin} header, else the {@code Referer}, compared by host and port with the
     * {@code Host} the request was sent to. An unparsable or opaque ({@code null}) origin is foreign.
     */
    static String foreignOrigin(HttpServletRequest http) {
        String origin = http.getHeader("Origin");
        String claimed = origin != null ? origin : http.getHeader("Referer");
        if (claimed == null) {
            return null;
        }
        String host = http.getHeader("Host");
        return host != null && sameAuthority(claimed, host, http.getScheme()) ? null : claimed;
    }

    static boolean sameAuthority(String url, String host, String requestScheme) {
        try {
            URI u = new URI(url.strip());
            if (u.getHost() == null || u.getScheme() == null) {
                return false;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() >= 0 ? u.getPort() : defaultPort(scheme);
            URI h = new URI(requestScheme + "://" + host.strip());
            int hostPort = h.getPort() >= 0 ? h.getPort() : port;
            return h.getHost() != null && u.getHost().equalsIgnoreCase(h.getHost()) && port == hostPort;
        } catch (URISyntaxException ex) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }

    /** The request, with a body whose over-the-limit failure becomes HTTP 413 for Fuseki. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    try {
                        return in.read();
                    } catch (IOException ex) {
                        throw translate(ex);
                    } catch (RuntimeException ex) {
                        throw translate(ex);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return in.read(b, off, len);
                    } catch (IOException ex) {
                        throw translate(ex);
                    } catch (RuntimeException ex) {
                        throw translate(ex);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        private static <E extends Exception> E translate(E ex) {
            for (Throwable c = ex; c != null; c = c.getCause()) {
                if (c instanceof HttpException h && h.getCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                    throw new ActionErrorException(h.getCode(), "the request body is larger than the server's limit", null);
                }
            }
            return ex;
        }
    }
}
