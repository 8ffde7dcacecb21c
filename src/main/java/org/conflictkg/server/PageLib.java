package org.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Static helpers of the map page: security headers, content types, the bundled Leaflet. */
public final class PageLib {
    private PageLib() {}

    /**
     * The page's Content-Security-Policy: everything from this server only; no inline script or
     * style, no plugins, no framing, forms post nowhere else. {@code img-src} adds the tile
     * server's origin when a tile layer is configured.
     */
    public static String contentSecurityPolicy(String tilesOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
                + (tilesOrigin == null ? "" : " " + tilesOrigin)
                + "; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * Headers every page response carries. The referrer goes to this server only
     * ({@code same-origin}): other sites (a tile server) learn nothing, and the pages' own writes
     * carry their real {@code Origin}, which the write endpoints check (with {@code no-referrer}
     * a browser sends {@code Origin: null}, refused as cross-site).
     */
    static void secureHeaders(HttpServletResponse resp) {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("X-Frame-Options", "DENY");
    }

    /** Sends {@code body} as the whole response, with the {@link #secureHeaders} (the content type is the caller's). */
    static void send(HttpServletResponse resp, byte[] body) throws IOException {
        secureHeaders(resp);
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    /** The request's path below the context path (the servlet context's prefix), as the server's routes name it. */
    static String pathInContext(HttpServletRequest req) {
        return req.getRequestURI().substring(req.getContextPath().length());
    }

    /** Whether {@code path} is {@code prefix} itself or below it. */
    static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Sends {@code json} (UTF-8) with {@code status} as an API answer: not to be cached, it changes with the data. */
    static void sendJson(HttpServletResponse resp, int status, byte[] json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        send(resp, json);
    }

    /** An API error: {@code {"error": message}} with {@code status}. */
    static void sendJsonError(HttpServletResponse resp, int status, String message) throws IOException {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("error", message == null ? "error" : message);
        sendJson(resp, status, e.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The origin ({@code scheme://host[:port]}) of a tile URL template, or null if not http(s). */
    static String origin(String url) {
        if (url == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://[^/?#{}]+)").matcher(url);
        return m.find() ? m.group(1) : null;
    }

    static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".html")) return "text/html; charset=utf-8";
        if (p.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (p.endsWith(".css")) return "text/css; charset=utf-8";
        if (p.endsWith(".json") || p.endsWith(".geojson")) return "application/json; charset=utf-8";
        if (p.endsWith(".png")) return "image/png";
        if (p.endsWith(".svg")) return "image/svg+xml";
        if (p.endsWith(".ico")) return "image/x-icon";
        if (p.endsWith(".txt")) return "text/plain; charset=utf-8";
        return "application/octet-stream";
    }

    private static volatile String leafletVersion;

    /** The version of the Leaflet WebJar on the class path. */
    static String leafletVersion() {
        if (leafletVersion == null) {
            try (InputStream in = PageLib.class.getClassLoader()
                    .getResourceAsStream("META-INF/maven/org.webjars.npm/leaflet/pom.properties")) {
                if (in == null) {
                    throw new IllegalStateException("the Leaflet WebJar is not on the class path");
                }
                Properties p = new Properties();
                p.load(in);
                leafletVersion = p.getProperty("version");
            } catch (IOException ex) {
                throw new IllegalStateException("cannot read the Leaflet WebJar's version", ex);
            }
        }
        return leafletVersion;
    }
}
