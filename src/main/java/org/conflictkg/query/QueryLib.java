package org.conflictkg.query;

import org.apache.jena.geosparql.configuration.GeoSPARQLConfig;

/** Query engine set-up shared by the query command and the server. */
public final class QueryLib {
    private static volatile boolean ready;

    private QueryLib() {
    }

    /**
     * Registers the GeoSPARQL and Jena spatial functions with ARQ (no spatial index: queries
     * compute distances directly, which is enough for the few thousand places of a store). Idempotent.
     */
    public static synchronized void init() {
        if (!ready) {
            GeoSPARQLConfig.setupNoIndex();
            ready = true;
        }
    }
}
