package org.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The map page: {@code /} is its HTML, {@code /app/*} its script, style and basemap (classpath
 * {@code org/conflictkg/server/web/}), {@code /app/leaflet/*} Leaflet's {@code dist} folder from
 * the WebJar. Every response carries the Content-Security-Policy; nothing is inline.
 */
final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String WEB = "org/conflictkg/server/web/";

    private final String csp;

    PageServlet(String csp) {
        this.csp = csp;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String info = req.getPathInfo() == null ? "" : req.getPathInfo();
        String resource;
        if (servletPath.isEmpty() || servletPath.equals("/") || servletPath.equals("/index.html")) {
            resource = WEB + "index.html";
        } else if (info.startsWith("/leaflet/")) {
            resource = "META-INF/resources/webjars/leaflet/" + PageLib.leafletVersion() + "/dist/"
                    + info.substring("/leaflet/".length());
        } else {
            resource = WEB + info.substring(Math.min(1, info.length()));
        }
        if (resource.contains("..") || resource.endsWith("/")) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            byte[] body = in.readAllBytes();
            resp.setHeader("Content-Security-Policy", csp);
            resp.setContentType(PageLib.contentType(resource));
            resp.setHeader("Cache-Control", resource.endsWith("index.html") ? "no-cache" : "max-age=300");
            PageLib.send(resp, body);
        }
    }
}
