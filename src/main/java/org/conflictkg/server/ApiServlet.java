package org.conflictkg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.conflictkg.query.KgQueryException;
import org.conflictkg.query.NamedQueries;
import org.conflictkg.query.NamedQuery;
import org.conflictkg.query.ParamSpec;
import org.conflictkg.query.ResultFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page's read-only JSON endpoints under {@code /api/}: {@code meta} (time range, code lists,
 * named queries, tile layer), {@code day?date=}, {@code place?iri=}, {@code search?q=} and
 * {@code query/NAME?PARAM=...&format=json|csv|geojson} (a named query, its IRIs labelled).
 * Only GET and HEAD: anything else is refused with 405.
 */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final transient MapData data;
    private final String tiles;
    private final boolean writable;

    ApiServlet(MapData data, String tiles, boolean writable) {
        this.data = data;
        this.tiles = tiles;
        this.writable = writable;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            switch (path) {
                case "/meta" -> json(resp, meta());
                case "/day" -> json(resp, data.day(req.getParameter("date")));
                case "/place" -> json(resp, data.place(requiredIri(req, "iri")));
                case "/search" -> json(resp, data.search(req.getParameter("q")));
                default -> {
                    if (path.startsWith("/query/")) {
                        namedQuery(path.substring("/query/".length()), req, resp);
                    } else {
                        error(resp, 404, "no such resource: /api" + path);
                    }
                }
            }
        } catch (KgQueryException ex) {
            error(resp, ex.getMessage() != null && ex.getMessage().contains("past the timeout") ? 503 : 400, ex.getMessage());
        } catch (QueryCancelledException ex) {
            error(resp, 503, "the query took longer than the server's timeout");
        } catch (IllegalArgumentException ex) {
            error(resp, 400, ex.getMessage());
        }
    }

    private ObjectNode meta() {
        ObjectNode m = data.meta();
        m.put("tiles", tiles);
        m.put("writable", writable);
        m.put("contestedWindowDays", MapData.CONTESTED_WINDOW_DAYS);
        ArrayNode qs = m.putArray("queries");
        for (String name : NamedQueries.names()) {
            NamedQuery nq = NamedQueries.named(name);
            ObjectNode q = qs.addObject();
            q.put("name", name);
            q.put("summary", nq.summary());
            q.put("description", nq.description());
            ArrayNode ps = q.putArray("params");
            for (ParamSpec p : nq.params()) {
                ps.addObject().put("name", p.name()).put("type", p.type().name().toLowerCase(java.util.Locale.ROOT))
                        .put("required", p.required()).put("description", p.description());
            }
        }
        return m;
    }

    private void namedQuery(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        NamedQuery nq = NamedQueries.named(name);
        Map<String, String> params = new LinkedHashMap<>();
        for (ParamSpec p : nq.params()) {
            String v = req.getParameter(p.name());
            if (v != null && !v.isBlank()) {
                params.put(p.name(), v.strip());
            }
        }
        String format = req.getParameter("format") == null ? "json" : req.getParameter("format");
        switch (format) {
            case "csv" -> {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                data.runner().run(nq, params, ResultFormat.CSV, buf);
                resp.setContentType("text/csv; charset=utf-8");
                resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                write(resp, buf.toByteArray());
            }
            case "json", "geojson" -> {
                ResultSetRewindable rs = data.runner().select(nq, params);
                List<String> columns = rs.getResultVars();
                Set<Node> iris = new HashSet<>();
                String[] vars = columns.toArray(String[]::new);
                rs.forEachRemaining(s -> MapData.collect(iris, s, vars));
                MapData.Labels labels = data.labelsOf(iris);
                rs.reset();
                JsonNode out = "geojson".equals(format) ? geojson(rs, columns, labels) : table(rs, columns, labels);
                if ("geojson".equals(format)) {
                    resp.setContentType("application/geo+json; charset=utf-8");
                    resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".geojson\"");
                    write(resp, MapData.MAPPER.writeValueAsBytes(out));
                } else {
                    json(resp, out);
                }
            }
            default -> error(resp, 400, "format: expected json, csv or geojson, got '" + format + "'");
        }
    }

    /** Columns, rows of {value, label} cells, and whether any row has a point (GeoJSON offered). */
    private static ObjectNode table(ResultSetRewindable rs, List<String> columns, MapData.Labels labels) {
        ObjectNode out = JSON.objectNode();
        ArrayNode cols = out.putArray("columns");
        columns.forEach(cols::add);
        ArrayNode rows = out.putArray("rows");
        boolean geo = false;
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            ArrayNode row = rows.addArray();
            for (String c : columns) {
                RDFNode n = s.get(c);
                ObjectNode cell = row.addObject();
                if (n == null) {
                    continue;
                }
                if (n.isURIResource()) {
                    String iri = n.asResource().getURI();
                    cell.put("value", iri);
                    cell.put("label", labels.labels().getOrDefault(iri, MapData.localName(iri)));
                    geo |= labels.points().containsKey(iri);
                } else if (n.isLiteral()) {
                    cell.put("value", n.asLiteral().getLexicalForm());
                } else {
                    cell.put("value", n.toString());
                }
            }
        }
        out.put("geo", geo);
        return out;
    }

    /** One feature per row that has a place with a point (the first such column gives it). */
    private static ObjectNode geojson(ResultSetRewindable rs, List<String> columns, MapData.Labels labels) {
        ObjectNode out = JSON.objectNode();
        out.put("type", "FeatureCollection");
        ArrayNode features = out.putArray("features");
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            double[] point = null;
            ObjectNode props = JSON.objectNode();
            for (String c : columns) {
                RDFNode n = s.get(c);
                if (n == null) {
                    continue;
                }
                if (n.isURIResource()) {
                    String iri = n.asResource().getURI();
                    props.put(c, iri);
                    if (labels.labels().containsKey(iri) && !columns.contains(c + "Label")) {
                        props.put(c + "Label", labels.labels().get(iri));
                    }
                    if (point == null) {
                        point = labels.points().get(iri);
                    }
                } else {
                    props.put(c, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                }
            }
            if (point != null) {
                ObjectNode f = features.addObject();
                f.put("type", "Feature");
                ObjectNode g = f.putObject("geometry");
                g.put("type", "Point");
                g.putArray("coordinates").add(point[0]).add(point[1]);
                f.set("properties", props);
            }
        }
        return out;
    }

    private static String requiredIri(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || !(v.startsWith("http://") || v.startsWith("https://"))) {
            throw new IllegalArgumentException(name + ": expected an http(s) IRI");
        }
        return v;
    }

    private static void json(HttpServletResponse resp, JsonNode body) throws IOException {
        PageLib.sendJson(resp, HttpServletResponse.SC_OK, MapData.MAPPER.writeValueAsBytes(body));
    }

    private static void write(HttpServletResponse resp, byte[] body) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        PageLib.send(resp, body);
    }

    private static void error(HttpServletResponse resp, int status, String message) throws IOException {
        PageLib.sendJsonError(resp, status, message);
    }
}
