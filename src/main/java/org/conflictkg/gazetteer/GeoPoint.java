package org.conflictkg.gazetteer;

import org.apache.jena.geosparql.implementation.great_circle.GreatCircleDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/** A WGS84 position in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a WGS84 position: " + latitude + ", " + longitude);
        }
    }

    /** Great-circle distance in kilometres: GeoSPARQL's, as {@code geof:distance} measures it. */
    public double distanceKm(GeoPoint other) {
        return distanceKm(latitude, longitude, other.latitude, other.longitude);
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        return GreatCircleDistance.haversineFormula(lat1, lon1, lat2, lon2) / 1000;
    }

    /** The WKT literal {@code POINT (lon lat)} (GeoSPARQL axis order: longitude first), written by JTS. */
    public String wkt() {
        return new WKTWriter().write(GEOMETRIES.createPoint(new Coordinate(longitude, latitude)));
    }
}
