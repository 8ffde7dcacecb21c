package org.conflictkg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The map page: {@code /} is its HTML, {@code /app/*} its script, style and basemap (classpath
 * {@code org/conflictkg/server/web/}), {@code /app/leaflet/*} Leaflet's {@code dist} folder from
 * the WebJar. Every response carries the Content-Security-Policy; nothing is inline. Text files
 * (the basemap's GeoJSON above all) go gzipped to a client that accepts it; each file is read
 * from the class path and compressed once.
 */
final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String WEB = "org/conflictkg/server/web/";

    /** Files smaller than this go as they are. */
    static final int GZIP_MIN_BYTES = 1024;

    private final String csp;
    private final Map<String, Body> cache = new ConcurrentHashMap<>();

    /** A file's bytes, and their gzip form when that is worth sending (else null). */
    private record Body(byte[] plain, byte[] gzip) {}

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
        Body body = cache.computeIfAbsent(resource, PageServlet::read);
        if (body == null) {
            resp.sendError(404);
            return;
        }
        resp.setHeader("Content-Security-Policy", csp);
        resp.setContentType(PageLib.contentType(resource));
        resp.setHeader("Cache-Control", resource.endsWith("index.html") ? "no-cache" : "max-age=300");
        if (body.gzip() != null) {
            resp.setHeader("Vary", "Accept-Encoding");
            if (acceptsGzip(req.getHeader("Accept-Encoding"))) {
                resp.setHeader("Content-Encoding", "gzip");
                PageLib.send(resp, body.gzip());
                return;
            }
        }
        PageLib.send(resp, body.plain());
    }

    /** Reads a class path file; null when there is none (not cached: any path may be asked for). */
    private static Body read(String resource) {
        try (InputStream in = PageServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] plain = in.readAllBytes();
            String type = PageLib.contentType(resource);
            boolean text = type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
            if (!text || plain.length < GZIP_MIN_BYTES) {
                return new Body(plain, null);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(plain);
            }
            return new Body(plain, out.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }

    /**
     * Whether an {@code Accept-Encoding} header admits gzip: its q if named (also as
     * {@code x-gzip}), else that of {@code *}, must be above 0.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        double named = -1;
        double any = -1;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException ex) {
                        q = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = Math.max(named, q);
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        return (named >= 0 ? named : any) > 0;
    }
}
