package org.conflictkg.geojson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes an RFC 7946 FeatureCollection as a stream, one feature at a time (Jackson's streaming
 * generator), so that nothing but the current feature is held. Geometries are JTS geometries in
 * WGS 84 with x the longitude and y the latitude. Property values are written as JSON strings,
 * numbers or booleans; null values are left out.
 */
public final class GeoJsonWriter implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator gen;
    private long features;

    private GeoJsonWriter(JsonGenerator gen) {
        this.gen = gen;
    }

    /** Starts a FeatureCollection on {@code out} (left open when the writer closes). */
    public static GeoJsonWriter start(OutputStream out) {
        try {
            JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            return new GeoJsonWriter(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one feature; {@code geometry} must not be null or empty. */
    public void feature(String id, Geometry geometry, Map<String, ?> properties) {
        if (geometry == null || geometry.isEmpty()) {
            throw new IllegalArgumentException("a feature needs a geometry");
        }
        try {
            gen.writeRaw('\n');
            gen.writeStartObject();
            gen.writeStringField("type", "Feature");
            if (id != null) {
                gen.writeStringField("id", id);
            }
            gen.writeFieldName("geometry");
            geometry(geometry);
            gen.writeObjectFieldStart("properties");
            for (var e : properties.entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    continue;
                }
                gen.writeFieldName(e.getKey());
                if (v instanceof BigDecimal d) {
                    gen.writeNumber(d);
                } else if (v instanceof Double d) {
                    gen.writeNumber(d);
                } else if (v instanceof Long l) {
                    gen.writeNumber(l);
                } else if (v instanceof Integer i) {
                    gen.writeNumber(i);
                } else if (v instanceof Boolean b) {
                    gen.writeBoolean(b);
                } else {
                    gen.writeString(v.toString());
                }
            }
            gen.writeEndObject();
            gen.writeEndObject();
            features++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Features written so far. */
    public long features() {
        return features;
    }

    private void geometry(Geometry g) throws IOException {
        gen.writeStartObject();
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            gen.writeStringField("type", "GeometryCollection");
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                geometry(g.getGeometryN(i));
            }
            gen.writeEndArray();
            gen.writeEndObject();
            return;
        }
        gen.writeStringField("type", g.getGeometryType());
        gen.writeFieldName("coordinates");
        coordinates(g);
        gen.writeEndObject();
    }

    private void coordinates(Geometry g) throws IOException {
        if (g instanceof Point p) {
            position(p.getCoordinate());
        } else if (g instanceof LineString l) {
            positions(l.getCoordinates());
        } else if (g instanceof Polygon p) {
            gen.writeStartArray();
            positions(p.getExteriorRing().getCoordinates());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                positions(p.getInteriorRingN(i).getCoordinates());
            }
            gen.writeEndArray();
        } else {
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                coordinates(g.getGeometryN(i));
            }
            gen.writeEndArray();
        }
    }

    private void positions(Coordinate[] cs) throws IOException {
        gen.writeStartArray();
        for (Coordinate c : cs) {
            position(c);
        }
        gen.writeEndArray();
    }

    private void position(Coordinate c) throws IOException {
        gen.writeStartArray();
        gen.writeNumber(c.getX());
        gen.writeNumber(c.getY());
        gen.writeEndArray();
    }

    /** Ends the FeatureCollection and flushes. */
    @Override
    public void close() {
        try {
            gen.writeRaw('\n');
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeRaw('\n');
            gen.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
