package org.conflictkg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets the Fuseki UI under {@code /ui/} reach the dataset: a request for {@code /ui/kg...} is
 * redirected (307, so method and body are kept) to {@code /kg...}, where the dataset's own
 * endpoints answer it under their own authentication rules. Runs before Fuseki's own filter.
 */
final class UiPathFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private final String dataset;

    UiPathFilter(String dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void doFilter(HttpServletRequest http, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = PageLib.pathInContext(http);
        String rest = path.startsWith(FusekiUiServlet.PREFIX) ? path.substring(FusekiUiServlet.PREFIX.length()) : null;
        if (rest != null && PageLib.isUnder(rest, dataset)) {
            String query = http.getQueryString();
            resp.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
            resp.setHeader("Location", http.getContextPath() + rest + (query == null ? "" : "?" + query));
            resp.setContentLength(0);
            return;
        }
        chain.doFilter(http, resp);
    }
}
