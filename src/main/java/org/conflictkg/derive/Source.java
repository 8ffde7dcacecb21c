package org.conflictkg.derive;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.conflictkg.http.RemoteDataset;

/**
 * Where derivation reads its reports: a dataset in this process (inside the caller's
 * transaction, if any) or a remote store over SPARQL. Queries are fixed, with values substituted
 * into their parsed form; each answer is read whole, so callers keep them to pages of bounded size.
 */
interface Source {

    /** The rows of a query whose pattern is over the union of the named graphs. */
    List<Binding> union(Query query);

    /** The rows of a query that names its graphs itself ({@code GRAPH ?g}). */
    List<Binding> named(Query query);

    /**
     * The most values one query's {@code VALUES} block may list here; readers split longer lists
     * over several queries. Unlimited in this process.
     */
    default int maxValues() {
        return Integer.MAX_VALUE;
    }

    /**
     * Values per {@code VALUES} block sent to a remote store: Virtuoso 7 turns a block into an
     * IN list and refuses one of some thousands of values ("Too many arguments", HTTP 400); a
     * thousand IRIs also keep each request under about 100 KB.
     */
    int REMOTE_MAX_VALUES = 1000;

    /**
     * A dataset in this process: union patterns run inside {@code GRAPH <urn:x-arq:UnionGraph>},
     * whatever the dataset's default graph is.
     */
    static Source of(DatasetGraph dsg) {
        return new Source() {
            @Override
            public List<Binding> union(Query query) {
                return named(ReportsReader.inUnion(query));
            }

            @Override
            public List<Binding> named(Query query) {
                try (QueryExec qe = QueryExec.dataset(dsg).query(query).build()) {
                    List<Binding> rows = new ArrayList<>();
                    qe.select().forEachRemaining(rows::add);
                    return rows;
                }
            }
        };
    }

    /** A remote store, whose default graph is the union of its named graphs (standard SPARQL 1.1 only). */
    static Source of(RemoteDataset remote) {
        return new Source() {
            @Override
            public List<Binding> union(Query query) {
                return remote.select(query);
            }

            @Override
            public List<Binding> named(Query query) {
                return remote.select(query);
            }

            @Override
            public int maxValues() {
                return REMOTE_MAX_VALUES;
            }
        };
    }
}
