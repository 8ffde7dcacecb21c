package org.conflictkg.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.conflictkg.http.HttpRetry;

/**
 * Finds the Wikidata items of GeoNames ids ({@code wdt:P1566}) on a SPARQL endpoint, with their
 * labels. Ids go into the parsed query as a {@code VALUES} block, in batches; each request has a
 * timeout, and failed requests (no answer, HTTP 408, 429, 5xx) are retried with exponential
 * backoff ({@link HttpRetry}). The public Wikidata endpoint asks clients to identify themselves: a User-Agent is sent.
 */
public final class WikidataClient {

    /** The public Wikidata query service. */
    public static final String PUBLIC_ENDPOINT = "https://query.wikidata.org/sparql";

    /** An item found for a GeoNames id; {@code label} may be null. */
    public record Item(String geonamesId, String qid, String label) {
    }

    private static final Query TEMPLATE = QueryFactory.create("""
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?gn ?item ?label WHERE {
              ?item wdt:P1566 ?gn .
              OPTIONAL { ?item rdfs:label ?label FILTER(LANG(?label) = "en") }
            }""");
    private static final Var GN = Var.alloc("gn");
    private static final String ENTITY = "http://www.wikidata.org/entity/";

    private final String endpoint;
    private final int batchSize;
    private final Duration timeout;
    private final HttpRetry retry;

    /** The retries when none are given: 4 attempts, waits from 2 s (the public service asks for patience). */
    public static final HttpRetry DEFAULT_RETRY = HttpRetry.create().attempts(4).firstWait(Duration.ofSeconds(2)).build();

    private WikidataClient(Builder b) {
        this.endpoint = b.endpoint;
        this.batchSize = b.batchSize;
        this.timeout = b.timeout;
        this.retry = b.retry;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Settings, with their defaults. */
    public static final class Builder {
        private String endpoint = PUBLIC_ENDPOINT;
        private int batchSize = 200;
        private Duration timeout = Duration.ofSeconds(30);
        private HttpRetry retry = DEFAULT_RETRY;

        /** The SPARQL endpoint. Default: the public Wikidata query service. */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        /** GeoNames ids per request. Default 200. */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch size must be at least 1");
            }
            this.batchSize = n;
            return this;
        }

        /** Time allowed for one request. Default 30 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How failed requests are retried. Default: {@link #DEFAULT_RETRY}. */
        public Builder retry(HttpRetry retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        public WikidataClient build() {
            return new WikidataClient(this);
        }
    }

    /** The items of the given GeoNames ids (digits only; others are ignored), by GeoNames id. */
    public Map<String, Item> lookup(List<String> geonamesIds) {
        List<String> ids = geonamesIds.stream().filter(s -> s != null && s.matches("[0-9]{1,12}")).distinct().toList();
        Map<String, Item> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += batchSize) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + batchSize));
            for (Item item : fetch(batch)) {
                out.putIfAbsent(item.geonamesId(), item);
            }
        }
        return out;
    }

    /** One batch: the template with a VALUES block of the ids, sent with retries. */
    private List<Item> fetch(List<String> batch) {
        Query q = TEMPLATE.cloneQuery();
        List<Binding> rows = new ArrayList<>();
        for (String id : batch) {
            rows.add(BindingFactory.binding(GN, NodeFactory.createLiteralString(id)));
        }
        q.setValuesDataBlock(List.of(GN), rows);
        try {
            return retry.call(() -> run(q));
        } catch (HttpRetry.Failed e) {
            throw LinkException.failure("Wikidata endpoint " + endpoint + " failed after " + e.attempts()
                    + " attempts: " + e.getMessage(), e.getCause());
        }
    }

    private List<Item> run(Query q) {
        List<Item> items = new ArrayList<>();
        try (QueryExecHTTP qe = QueryExecHTTP.service(endpoint).query(q)
                .httpHeader("User-Agent", "conflict-kg/0.1 (knowledge graph of territorial control)")
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            qe.select().forEachRemaining(b -> {
                Node item = b.get("item");
                Node gn = b.get("gn");
                if (item == null || !item.isURI() || gn == null || !item.getURI().startsWith(ENTITY)) {
                    return;
                }
                Node label = b.get("label");
                items.add(new Item(gn.getLiteralLexicalForm(), item.getURI().substring(ENTITY.length()),
                        label == null ? null : label.getLiteralLexicalForm()));
            });
        }
        return items;
    }
}
