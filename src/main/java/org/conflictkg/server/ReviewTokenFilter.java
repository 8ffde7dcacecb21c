package org.conflictkg.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets through only requests that carry the review server's one-time token: in the address on the
 * first load of the page ({@code /?token=...}: answered with a cookie, {@code HttpOnly; SameSite=Strict},
 * and a redirect to the same address without it), then in that cookie, or in the
 * {@code X-Review-Token} header. Anything else gets HTTP 403. A request that may write (any
 * method but GET and HEAD) must also come from this server's own page: a foreign {@code Origin}
 * or {@code Referer} gets 403, as at the map server's write endpoints ({@link WriteGuardFilter}).
 */
final class ReviewTokenFilter implements Filter {
    static final String PARAM = "token";
    static final String HEADER = "X-Review-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    private final byte[] token;

    ReviewTokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The cookie's name: one per port, as browsers share cookies between the ports of a host. */
    static String cookieName(int port) {
        return "conflict-kg-review-" + port;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String inQuery = queryToken(req.getQueryString());
        boolean safe = SAFE.contains(req.getMethod().toUpperCase(Locale.ROOT));
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (inQuery != null && matches(inQuery) && safe && (path.equals("/") || path.equals("/index.html"))) {
            // Kept in a cookie the page's scripts cannot read; the address loses the token.
            resp.addHeader("Set-Cookie", cookieName(req.getLocalPort()) + "=" + inQuery
                    + "; Path=/; HttpOnly; SameSite=Strict");
            PageLib.secureHeaders(resp);
            resp.setHeader("Cache-Control", "no-store");
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", req.getRequestURI());
            return;
        }
        if (!matches(inQuery) && !matches(req.getHeader(HEADER)) && !matches(cookie(req))) {
            refuse(resp, "this review page needs the address with its token that the review command printed");
            return;
        }
        if (!safe) {
            String foreign = WriteGuardFilter.foreignOrigin(req);
            if (foreign != null) {
                refuse(resp, "cross-site write refused: " + foreign + " is not this server");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = cookieName(req.getLocalPort());
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Compares in constant time. */
    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code token} parameter of a query string (never the body: reading it is the servlet's business). */
    static String queryToken(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(PARAM)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void refuse(HttpServletResponse resp, String why) throws IOException {
        PageLib.secureHeaders(resp);
        resp.setHeader("Cache-Control", "no-store");
        resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().println("403 forbidden: " + why);
    }
}
