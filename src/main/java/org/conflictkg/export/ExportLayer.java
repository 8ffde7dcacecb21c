package org.conflictkg.export;

import java.util.Locale;

/** What a GeoJSON or CSV export holds. */
public enum ExportLayer {
    /** GeoJSON: one point per place, with its controller on the date. */
    PLACES(true, false),
    /** GeoJSON: one point per control period of a place (start and end dates). */
    PERIODS(true, false),
    /** GeoJSON: one point per event and place; CSV: the ACLED-style table of control changes. */
    EVENTS(true, true),
    /** GeoJSON: one line per town's stretch of a highway, with its controller on the date. */
    HIGHWAYS(true, false),
    /** CSV: one row per reported figure. */
    FIGURES(false, true);

    private final boolean geojson;
    private final boolean csv;

    ExportLayer(boolean geojson, boolean csv) {
        this.geojson = geojson;
        this.csv = csv;
    }

    /** Whether this layer can be written in that format. */
    public boolean supports(ExportFormat f) {
        return f == ExportFormat.GEOJSON ? geojson : f == ExportFormat.CSV && csv;
    }

    /** The layer a format writes when none is asked for. */
    public static ExportLayer defaultFor(ExportFormat f) {
        return f == ExportFormat.CSV ? EVENTS : PLACES;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
