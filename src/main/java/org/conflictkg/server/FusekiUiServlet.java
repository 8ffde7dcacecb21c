package org.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Apache Jena's Fuseki UI (the jena-fuseki-ui jar's {@code webapp/}) under {@code /ui/}. The UI
 * finds the server below its own address, so its calls to {@code /ui/$/...} are forwarded to
 * {@code /$/...} here and its calls to {@code /ui/kg...} reach the dataset through
 * {@link UiPathFilter}. On a server without write endpoints the UI's page gets a style sheet
 * that removes its "add data" and "edit" tabs.
 */
final class FusekiUiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/ui";

    private final boolean writable;

    FusekiUiServlet(boolean writable) {
        this.writable = writable;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String info = req.getPathInfo();
        if (info != null && info.startsWith("/$/")) {
            getServletContext().getRequestDispatcher(info).forward(req, resp);
            return;
        }
        super.service(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        if (info == null) {
            resp.sendRedirect(req.getContextPath() + PREFIX + "/");
            return;
        }
        if (info.equals("/") || info.equals("/index.html")) {
            String html = resource("webapp/index.html");
            html = html.replace("\"./static/", "\"" + PREFIX + "/static/").replace("\"./favicon.ico", "\"" + PREFIX + "/favicon.ico");
            if (!writable) {
                html = html.replace("</head>", "  <link rel=\"stylesheet\" href=\"" + PREFIX + "/read-only.css\">\n  </head>");
            }
            send(resp, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (info.equals("/read-only.css")) {
            send(resp, "text/css; charset=utf-8", resource("org/conflictkg/server/fuseki-read-only.css").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ((info.startsWith("/static/") || info.equals("/favicon.ico")) && !info.contains("..")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("webapp" + info)) {
                if (in != null) {
                    send(resp, PageLib.contentType(info), in.readAllBytes());
                    return;
                }
            }
        }
        resp.sendError(404);
    }

    private String resource(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpServletResponse resp, String type, byte[] body) throws IOException {
        resp.setContentType(type);
        PageLib.send(resp, body);
    }
}
