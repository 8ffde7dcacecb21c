package org.conflictkg.query;

import java.io.OutputStream;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;

/** How query results are printed; all written by Jena's result set writers. */
public enum ResultFormat {
    /** Aligned text table for people ({@link ResultTable}): labels, plain values, a row count. */
    TABLE,
    /** SPARQL 1.1 Query Results CSV. */
    CSV,
    /** SPARQL 1.1 Query Results TSV. */
    TSV,
    /** SPARQL 1.1 Query Results JSON. */
    JSON,
    /** GeoJSON (RFC 7946): one feature per row with a WKT column or lat/long columns. */
    GEOJSON;

    /** Writes a SELECT result; returns how many rows were left out (GeoJSON rows without a geometry). */
    public long write(OutputStream out, ResultSet rs, PrefixMapping prefixes) {
        switch (this) {
            case TABLE -> ResultTable.write(out, rs, prefixes, null);
            case CSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_CSV);
            case TSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_TSV);
            case JSON -> ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
            case GEOJSON -> {
                return GeoJsonResults.write(out, rs);
            }
        }
        return 0;
    }

    /** Writes an ASK result. */
    public void write(OutputStream out, boolean answer) {
        switch (this) {
            case TABLE -> ResultSetFormatter.out(out, answer);
            case CSV -> ResultSetMgr.write(out, answer, ResultSetLang.RS_CSV);
            case TSV -> ResultSetMgr.write(out, answer, ResultSetLang.RS_TSV);
            case JSON, GEOJSON -> ResultSetMgr.write(out, answer, ResultSetLang.RS_JSON);
        }
    }
}
