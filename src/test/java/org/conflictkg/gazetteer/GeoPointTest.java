package org.conflictkg.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.jena.geosparql.implementation.GeometryWrapper;
import org.apache.jena.geosparql.implementation.datatype.WKTDatatype;
import org.apache.jena.geosparql.implementation.vocabulary.Unit_URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {

    @ParameterizedTest(name = "({0} {1}) ({2} {3})")
    @CsvSource({
            "35.86, 36.80, 35.93, 36.63",
            "33.51, 36.29, 36.20, 37.13",
            "49.99, 36.23, 46.64, 32.61",
            "0.00001, 0.00002, -0.00001, 179.99999",
            "-89.9, -179.9, 89.9, 179.9",
    })
    void distanceIsGeoSparqlsAndWktRoundTrips(double lat1, double lon1, double lat2, double lon2) throws Exception {
        GeoPoint a = new GeoPoint(lat1, lon1);
        GeoPoint b = new GeoPoint(lat2, lon2);
        GeometryWrapper wa = WKTDatatype.INSTANCE.parse(a.wkt());
        GeometryWrapper wb = WKTDatatype.INSTANCE.parse(b.wkt());
        // The WKT is valid (no exponent notation for small ordinates) and keeps the position.
        assertThat(wa.getXYGeometry().getCoordinate().x).isEqualTo(lon1);
        assertThat(wa.getXYGeometry().getCoordinate().y).isEqualTo(lat1);
        // GeoSPARQL rounds what geof:distance returns to a millionth of the unit.
        assertThat(a.distanceKm(b)).isCloseTo(wa.distance(wb, Unit_URI.KILOMETER_URL), within(1e-5));
        assertThat(a.distanceKm(b)).isEqualTo(b.distanceKm(a));
        assertThat(a.distanceKm(a)).isZero();
    }
}
