package org.conflictkg.server;

import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.conflictkg.facts.Problem;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Requests that are malformed as HTTP, refused with a 4xx before they reach a servlet, where
 * Fuseki would answer them with 500 (it turns every unexpected exception into a server error):
 * <ul>
 * <li>a query string that is not valid percent-encoded UTF-8: 400;</li>
 * <li>an {@code Authorization: Basic} header that is not base64: 400;</li>
 * <li>a {@code Content-Type} whose charset Java does not know: 415;</li>
 * <li>under the dataset ({@link FormFilter}), a form body that cannot be parsed (bad
 * percent-encoding, an unknown charset, too many fields): 400, or 413 past the size limit;</li>
 * <li>JSONP ({@code callback=}), which would let pages of other sites read query results
 * around the same-origin policy (CORS is off): 400.</li>
 * </ul>
 */
final class BadRequests {
    private BadRequests() {}

    /** The Jetty handler in front of everything, security included (it checks the raw request). */
    static final class Screen extends Handler.Wrapper {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            try {
                Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            } catch (RuntimeException ex) {
                Response.writeError(request, response, callback, 400, "bad query string: not valid percent-encoded UTF-8");
                return true;
            }
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    Base64.getDecoder().decode(auth.substring(6).strip());
                } catch (IllegalArgumentException ex) {
                    Response.writeError(request, response, callback, 400, "bad Authorization header: not base64");
                    return true;
                }
            }
            try {
                Request.getCharset(request);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
                Response.writeError(request, response, callback, 415, "unsupported charset in Content-Type: "
                        + Problem.quote(ex.getMessage()));
                return true;
            }
            return super.handle(request, response, callback);
        }
    }

    /** Under the dataset: form bodies parsed before Fuseki reads them, and no JSONP. */
    static final class FormFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse resp) {
                String type = http.getContentType() == null ? "" : http.getContentType().toLowerCase(Locale.ROOT);
                try {
                    http.getParameterMap(); // parses the query string and a form body, once; Fuseki reuses it
                } catch (RuntimeException ex) {
                    int status = status(ex);
                    resp.sendError(status, status == 413 ? "the request body is larger than the server's limit"
                            : "bad " + (type.startsWith("application/x-www-form-urlencoded") ? "form body" : "request")
                                    + ": " + Problem.quote(KgServer.rootMessage(ex)));
                    return;
                }
                if (http.getParameter("callback") != null) {
                    resp.sendError(400, "JSONP (callback=) is not offered");
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        /** The HTTP status Jetty attached to the failure (400 if none). */
        private static int status(Throwable ex) {
            for (Throwable c = ex; c != null; c = c.getCause()) {
                if (c instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                    return h.getCode();
                }
            }
            return 400;
        }
    }
}
