package org.conflictkg.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets the Fuseki UI under {@code /ui/} reach the dataset: a request for {@code /ui/kg...} is
 * redirected (307, so method and body are kept) to {@code /kg...}, where the dataset's own
 * endpoints answer it under their own authentication rules. Runs before Fuseki's own filter.
 */
final class UiPathFilter implements Filter {
    private final String dataset;

    UiPathFilter(String dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse resp) {
            String path = http.getRequestURI().substring(http.getContextPath().length());
            String rest = path.startsWith(FusekiUiServlet.PREFIX) ? path.substring(FusekiUiServlet.PREFIX.length()) : null;
            if (rest != null && (rest.equals(dataset) || rest.startsWith(dataset + "/"))) {
                String query = http.getQueryString();
                resp.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
                resp.setHeader("Location", http.getContextPath() + rest + (query == null ? "" : "?" + query));
                resp.setContentLength(0);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
