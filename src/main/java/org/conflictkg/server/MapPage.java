package org.conflictkg.server;

import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Installs the analyst's page into an embedded Fuseki server: the map page at {@code /}
 * ({@link PageServlet}), its read-only JSON at {@code /api/} ({@link ApiServlet}) and the Fuseki
 * UI at {@code /ui/} ({@link FusekiUiServlet}, {@link UiPathFilter}). The dataset's SPARQL and
 * Graph Store endpoints are untouched; the page adds no write path.
 */
public final class MapPage {
    private MapPage() {}

    /**
     * @param dataset  the dataset's name, e.g. {@code /kg}
     * @param writable whether the server has write endpoints (else the Fuseki UI hides its write tabs)
     * @param tiles    a tile URL template ({@code https://host/{z}/{x}/{y}.png}) or null
     */
    public static void install(FusekiServer.Builder fb, DatasetGraph dsg, String dataset, boolean writable,
                               String tiles, Duration timeout) {
        String csp = PageLib.contentSecurityPolicy(PageLib.origin(tiles));
        PageServlet page = new PageServlet(csp);
        fb.addServlet("", page)
          .addServlet("/index.html", page)
          .addServlet("/app/*", page)
          .addServlet("/api/*", new ApiServlet(MapData.over(dsg, timeout), tiles, writable))
          .addServlet(FusekiUiServlet.PREFIX + "/*", new FusekiUiServlet(writable))
          .addFilter(FusekiUiServlet.PREFIX + "/*", new UiPathFilter(dataset));
    }

    /** Checks a {@code --tiles} URL template: http(s), with {z}, {x} and {y}. */
    public static String checkTiles(String url) {
        if (url == null) {
            return null;
        }
        if (PageLib.origin(url) == null || !url.contains("{z}") || !url.contains("{x}") || !url.contains("{y}")) {
            throw new IllegalArgumentException("--tiles: expected an http(s) URL template with {z}, {x} and {y}, got '"
                    + url + "'");
        }
        return url;
    }
}
