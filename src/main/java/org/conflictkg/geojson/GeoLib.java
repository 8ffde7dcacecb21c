package org.conflictkg.geojson;

import org.apache.jena.graph.Node;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Geometry helpers for exports: WKT literals and coordinates to JTS geometries in WGS 84 (x = longitude). */
public final class GeoLib {
    /** WGS 84 (EPSG:4326 / OGC CRS84). */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private GeoLib() {
    }

    /**
     * A GeoSPARQL WKT literal (optionally prefixed by {@code <CRS IRI>}) as a geometry; null when
     * it is not WKT, or names a CRS other than CRS84/EPSG:4326 (this project writes only CRS84).
     */
    public static Geometry wkt(Node literal) {
        if (literal == null || !literal.isLiteral()) {
            return null;
        }
        return wkt(literal.getLiteralLexicalForm());
    }

    /** See {@link #wkt(Node)}. */
    public static Geometry wkt(String text) {
        String s = text.strip();
        if (s.startsWith("<")) {
            int end = s.indexOf('>');
            if (end < 0) {
                return null;
            }
            String crs = s.substring(1, end);
            if (!crs.equals(CRS84) && !crs.endsWith("/EPSG/0/4326")) {
                return null;
            }
            s = s.substring(end + 1).strip();
        }
        try {
            Geometry g = new WKTReader(WGS84).read(s);
            return g.isEmpty() ? null : g;
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A point at longitude {@code lon}, latitude {@code lat}. */
    public static Point point(double lon, double lat) {
        return WGS84.createPoint(new Coordinate(lon, lat));
    }

    /** The point halfway between two points, on the plane of their coordinates (legs are short). */
    public static Coordinate midpoint(Coordinate a, Coordinate b) {
        return new Coordinate((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2);
    }
}
