package org.conflictkg.query;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.conflictkg.geojson.GeoJsonWriter;
import org.conflictkg.geojson.GeoLib;
import org.locationtech.jts.geom.Geometry;

/**
 * SELECT results as a GeoJSON FeatureCollection: one feature per row that has a geometry, taken
 * from a WKT column (a {@code geo:wktLiteral}, or text starting with a WKT type) or from a
 * latitude and a longitude column ({@code lat}/{@code latitude} and
 * {@code long}/{@code lon}/{@code longitude}). Every other column is a property, IRIs as text,
 * numbers as numbers. Rows without a geometry are left out and counted.
 */
final class GeoJsonResults {
    private static final List<String> LAT = List.of("lat", "latitude");
    private static final List<String> LON = List.of("long", "lon", "longitude", "lng");

    private GeoJsonResults() {
    }

    /** Writes the rows; returns how many were left out for want of a geometry. */
    static long write(OutputStream out, ResultSet rs) {
        List<String> vars = rs.getResultVars();
        String lat = find(vars, LAT);
        String lon = find(vars, LON);
        long skipped = 0;
        try (GeoJsonWriter w = GeoJsonWriter.start(out)) {
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                Geometry g = geometry(row, vars, lat, lon);
                if (g == null) {
                    skipped++;
                    continue;
                }
                Map<String, Object> props = new LinkedHashMap<>();
                for (String v : vars) {
                    RDFNode n = row.get(v);
                    if (n != null && !isWkt(n.asNode())) {
                        props.put(v, value(n.asNode()));
                    }
                }
                w.feature(null, g, props);
            }
        }
        return skipped;
    }

    private static Geometry geometry(QuerySolution row, List<String> vars, String lat, String lon) {
        for (String v : vars) {
            RDFNode n = row.get(v);
            if (n != null && isWkt(n.asNode())) {
                Geometry g = GeoLib.wkt(n.asNode());
                if (g != null) {
                    return g;
                }
            }
        }
        if (lat != null && lon != null && row.get(lat) != null && row.get(lon) != null
                && row.get(lat).isLiteral() && row.get(lon).isLiteral()) {
            try {
                double y = Double.parseDouble(row.get(lat).asLiteral().getLexicalForm());
                double x = Double.parseDouble(row.get(lon).asLiteral().getLexicalForm());
                if (Math.abs(y) <= 90 && Math.abs(x) <= 180) {
                    return GeoLib.point(x, y);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isWkt(Node n) {
        if (!n.isLiteral()) {
            return false;
        }
        if (n.getLiteralDatatypeURI().endsWith("#wktLiteral")) {
            return true;
        }
        String s = n.getLiteralLexicalForm().stripLeading().toUpperCase(Locale.ROOT);
        return s.matches("^(<[^>]*>\\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\\s*\\(.*");
    }

    private static Object value(Node n) {
        if (n.isURI()) {
            return n.getURI();
        }
        if (n.isLiteral()) {
            Object v = n.getLiteralValue();
            if (v instanceof Number num) {
                return num instanceof java.math.BigDecimal || num instanceof Double || num instanceof Float
                        ? Double.valueOf(num.doubleValue()) : Long.valueOf(num.longValue());
            }
            if (v instanceof Boolean b) {
                return b;
            }
            return n.getLiteralLexicalForm();
        }
        return n.toString();
    }

    private static String find(List<String> vars, List<String> names) {
        for (String v : vars) {
            if (names.contains(v.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }
}
