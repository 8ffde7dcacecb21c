package org.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The review page: {@code /} is its HTML, {@code /app/review.js} and {@code /app/review.css} its
 * script and style (classpath {@code org/conflictkg/server/web/review/}); nothing else. Every
 * response carries the Content-Security-Policy; nothing is inline, nothing comes from elsewhere.
 */
final class ReviewPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String WEB = "org/conflictkg/server/web/review/";
    private static final Map<String, String> FILES = Map.of(
            "/", "review.html", "/index.html", "review.html",
            "/app/review.js", "review.js", "/app/review.css", "review.css");

    private final String csp = PageLib.contentSecurityPolicy(null);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String file = FILES.get(path.isEmpty() ? "/" : path);
        if (file == null) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(WEB + file)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            byte[] body = in.readAllBytes();
            PageLib.secureHeaders(resp);
            resp.setHeader("Content-Security-Policy", csp);
            resp.setContentType(PageLib.contentType(file));
            resp.setHeader("Cache-Control", "no-store");
            resp.setContentLength(body.length);
            try (OutputStream out = resp.getOutputStream()) {
                out.write(body);
            }
        }
    }
}
