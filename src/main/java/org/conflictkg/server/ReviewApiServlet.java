package org.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

import org.conflictkg.facts.ActorKind;
import org.conflictkg.facts.FactsEnum;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.facts.Qualifier;
import org.conflictkg.facts.Status;
import org.conflictkg.gazetteer.Candidate;
import org.conflictkg.gazetteer.GeoNamesRecord;
import org.conflictkg.gazetteer.PlaceMatcher;
import org.conflictkg.gazetteer.PlaceQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The review page's JSON under {@code /api/}: {@code GET queue} (the articles, the progress and
 * the code lists of facts@1), {@code GET article?name=} (draft, review in progress, reviewed
 * document), {@code POST article?name=} (save; 400 with the reader's message if the document does
 * not read) and {@code GET places?q=[&country=CC]} (gazetteer candidates for a name).
 */
final class ReviewApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_QUERY = 200;
    private static final int MAX_CANDIDATES = 10;

    private final transient ReviewFolder folder;
    private final transient Supplier<PlaceMatcher> places;

    ReviewApiServlet(ReviewFolder folder, Supplier<PlaceMatcher> places) {
        this.folder = folder;
        this.places = places;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            switch (path) {
                case "/queue" -> json(resp, 200, queue());
                case "/article" -> json(resp, 200, folder.article(req.getParameter("name")));
                case "/places" -> json(resp, 200, places(req.getParameter("q"), req.getParameter("country")));
                default -> error(resp, 404, "no such resource: /api" + path);
            }
        } catch (ReviewFolder.SaveException | IllegalArgumentException ex) {
            error(resp, 400, ex.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (!path.equals("/article")) {
            error(resp, 404, "no such resource: /api" + path);
            return;
        }
        String type = req.getContentType() == null ? "" : req.getContentType();
        if (!type.startsWith("application/json")) {
            error(resp, 415, "expected a JSON body (Content-Type: application/json)");
            return;
        }
        JsonNode body;
        try (InputStream in = req.getInputStream()) {
            body = ReviewFolder.MAPPER.readTree(in);
        } catch (JsonProcessingException ex) {
            error(resp, 400, "malformed JSON: " + ex.getOriginalMessage());
            return;
        }
        try {
            ReviewFolder.Saved s = folder.save(req.getParameter("name"), body);
            ObjectNode out = ReviewFolder.MAPPER.createObjectNode();
            out.put("saved", true);
            out.put("reviewed", s.reviewed());
            out.put("reviewedCount", s.reviewedCount());
            out.put("total", s.total());
            out.put("loaded", s.loaded());
            out.put("loadError", s.loadError());
            json(resp, 200, out);
        } catch (ReviewFolder.SaveException ex) {
            error(resp, 400, ex.getMessage());
        }
    }

    private ObjectNode queue() {
        ObjectNode q = folder.queue();
        ObjectNode codes = q.putObject("codes");
        codes(codes.putArray("status"), Status.class);
        codes(codes.putArray("qualifier"), Qualifier.class);
        codes(codes.putArray("actorKind"), ActorKind.class);
        codes(codes.putArray("placeKind"), PlaceKind.class);
        return q;
    }

    private static <E extends Enum<E> & FactsEnum> void codes(ArrayNode out, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            out.add(e.code());
        }
    }

    /** Ranked candidates from the gazetteer, each with the place kind its feature suggests. */
    private ArrayNode places(String q, String country) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q: expected a place name");
        }
        if (q.length() > MAX_QUERY) {
            throw new IllegalArgumentException("q: longer than " + MAX_QUERY + " characters");
        }
        PlaceQuery.Builder b = PlaceQuery.builder(q.strip());
        if (country != null && country.strip().matches("[A-Za-z]{2}")) {
            b.country(country.strip().toUpperCase(java.util.Locale.ROOT));
        }
        List<Candidate> ranked = places.get().rank(b.build());
        ArrayNode out = ReviewFolder.MAPPER.createArrayNode();
        for (Candidate c : ranked.subList(0, Math.min(MAX_CANDIDATES, ranked.size()))) {
            GeoNamesRecord r = c.record();
            out.addObject().put("geonames", Long.toString(r.id())).put("name", r.name())
                    .put("matched", c.matchedName()).put("feature", r.feature()).put("country", r.countryCode())
                    .put("latitude", r.latitude()).put("longitude", r.longitude())
                    .put("kind", kindOf(r).code()).put("score", Math.round(c.score() * 100) / 100.0);
        }
        return out;
    }

    /** The facts@1 place kind a GeoNames feature suggests. */
    static PlaceKind kindOf(GeoNamesRecord r) {
        if (r.isCountry()) {
            return PlaceKind.COUNTRY;
        }
        if (r.isAdmin1()) {
            return PlaceKind.PROVINCE;
        }
        String code = r.featureCode();
        return switch (r.featureClass()) {
            case "A" -> PlaceKind.DISTRICT;
            case "P" -> code.startsWith("PPLA") || code.equals("PPLC") ? PlaceKind.CITY
                    : code.equals("PPLX") ? PlaceKind.NEIGHBOURHOOD
                    : r.population() >= 100_000 ? PlaceKind.CITY
                    : r.population() > 0 && r.population() < 5_000 ? PlaceKind.VILLAGE : PlaceKind.TOWN;
            case "S" -> PlaceKind.LANDMARK;
            default -> PlaceKind.REGION;
        };
    }

    private static void json(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        PageLib.sendJson(resp, status, ReviewFolder.MAPPER.writeValueAsBytes(body));
    }

    private static void error(HttpServletResponse resp, int status, String message) throws IOException {
        PageLib.sendJsonError(resp, status, message);
    }
}
