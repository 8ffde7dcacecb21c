package org.conflictkg.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Lets the Fuseki UI under {@code /ui/} reach the dataset: a request for {@code /ui/kg...}
 * continues to Fuseki's dispatch as {@code /kg...}, with the same method, headers and
 * authentication rules as a direct request. Runs before Fuseki's own filter.
 */
final class UiPathFilter implements Filter {
    private final String dataset;

    UiPathFilter(String dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            String path = http.getRequestURI().substring(http.getContextPath().length());
            String rest = path.startsWith(FusekiUiServlet.PREFIX) ? path.substring(FusekiUiServlet.PREFIX.length()) : null;
            if (rest != null && (rest.equals(dataset) || rest.startsWith(dataset + "/"))) {
                chain.doFilter(new Stripped(http, rest), response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static final class Stripped extends HttpServletRequestWrapper {
        private final String path;

        Stripped(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            HttpServletRequest r = (HttpServletRequest) getRequest();
            String full = r.getRequestURL().toString();
            int at = full.indexOf(r.getRequestURI());
            return new StringBuffer(at < 0 ? full : full.substring(0, at) + getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
