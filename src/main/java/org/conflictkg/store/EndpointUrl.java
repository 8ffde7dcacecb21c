package org.conflictkg.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * A server URL as a user gives it, understood the way Fuseki lays out a dataset: the dataset URL
 * ({@code http://127.0.0.1:3030/kg}) with its services beside it, {@code /data} (Graph Store,
 * read-write), {@code /get} (Graph Store, read), {@code /query} or {@code /sparql} (SPARQL query)
 * and {@code /update} (SPARQL Update).
 *
 * @param url     the URL as given, without a trailing slash
 * @param dataset the dataset URL
 * @param service the Fuseki service the URL names, or null for a dataset URL
 */
public record EndpointUrl(String url, String dataset, Service service) {

    /** The services of a Fuseki dataset. */
    public enum Service {
        DATA("data", "Graph Store"), GET("get", "read-only Graph Store"), QUERY("query", "SPARQL query"),
        SPARQL("sparql", "SPARQL query"), UPDATE("update", "SPARQL Update");

        final String segment;
        final String what;

        Service(String segment, String what) {
            this.segment = segment;
            this.what = what;
        }
    }

    /** Parses {@code url}; bad input unless it is an absolute http(s) URL. */
    public static EndpointUrl parse(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw StoreException.badInput("endpoint must be an http(s) URL such as http://127.0.0.1:3030/kg, not " + url);
            }
        } catch (URISyntaxException ex) {
            throw StoreException.badInput("endpoint is not a URL: " + url + " (" + ex.getReason() + ")");
        }
        if (u.indexOf('?') >= 0) {
            return new EndpointUrl(u, u, null);
        }
        int slash = u.lastIndexOf('/');
        String last = u.substring(slash + 1);
        for (Service s : Service.values()) {
            if (s.segment.equals(last) && slash > u.indexOf("//") + 1) {
                return new EndpointUrl(u, u.substring(0, slash), s);
            }
        }
        return new EndpointUrl(u, u, null);
    }

    /** The URL of {@code service} of this dataset. */
    public String at(Service s) {
        return dataset + "/" + s.segment;
    }

    /**
     * The Graph Store URL to load into. A Graph Store URL is taken as it is; a dataset URL means
     * its {@code /data} service if the server has one there ({@code probe}: a HEAD of it answered
     * with anything but 404, while a path beside it that no server names answers 404, as on
     * Fuseki). Otherwise the URL is a Graph Store of another kind of server and is taken as it
     * is: one that answers 404 at {@code /data}, or answers every path under the URL alike
     * (Virtuoso's {@code /sparql-graph-crud-auth} asks for credentials everywhere under it). Any
     * other service is bad input, in one line naming the URL to give.
     */
    public String graphStoreForWriting(boolean probe) {
        if (service == Service.DATA) {
            return url;
        }
        if (service != null) {
            throw StoreException.badInput(url + " is the " + service.what + " endpoint; --endpoint takes the dataset URL "
                    + dataset + " or its Graph Store URL " + at(Service.DATA));
        }
        if (!probe) {
            return at(Service.DATA);
        }
        int data = status(at(Service.DATA));
        if (data < 0) {
            return at(Service.DATA); // no answer: the load itself reports the unreachable server
        }
        return data != 404 && status(dataset + "/no-such-service-" + Long.toHexString(System.nanoTime())) == 404
                ? at(Service.DATA) : url;
    }

    /** The status a HEAD of {@code url} answers, or -1 when the server does not answer. */
    private static int status(String url) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(url + "?default")).timeout(Duration.ofSeconds(10))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | IllegalArgumentException ex) {
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The Graph Store URL to read from: a Graph Store URL ({@code /get} or {@code /data}) as it
     * is, a dataset URL as its read-only {@code /get} service. A query or update URL is bad input
     * naming the URL to give.
     */
    public String graphStoreForReading() {
        if (service == Service.GET || service == Service.DATA) {
            return url;
        }
        if (service != null) {
            throw StoreException.badInput(url + " is the " + service.what + " endpoint; export reads the dataset URL "
                    + dataset + " or its Graph Store URL " + at(Service.GET));
        }
        return at(Service.GET);
    }

    /**
     * The URL to send SPARQL queries to: a query URL as it is, a dataset URL as it is (Fuseki
     * answers queries there too). A Graph Store or update URL is bad input naming the query URL.
     */
    public String queryUrl() {
        if (service == null || service == Service.QUERY || service == Service.SPARQL) {
            return url;
        }
        throw StoreException.badInput(url + " is the " + service.what + " endpoint; queries go to the dataset URL "
                + dataset + " or its query URL " + at(Service.QUERY));
    }
}
