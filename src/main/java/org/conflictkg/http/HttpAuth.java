package org.conflictkg.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.apache.jena.http.auth.AuthEnv;

/**
 * Credentials for a set of endpoint URLs, answered the way each server asks: HTTP basic (Fuseki)
 * or digest (Virtuoso's {@code /sparql-auth} and {@code /sparql-graph-crud-auth}). Jena's
 * {@link AuthEnv} does the work: every request Jena sends to a URL under one of these goes out
 * without credentials, and on a 401 challenge is sent again with the scheme the server named;
 * Jena then keeps the answer for the endpoint, so later requests to it (basic) go authenticated
 * at once. Nothing is sent in the clear to a server that asks for digest.
 *
 * <p>Closing forgets the credentials and what Jena kept for these URLs. The registry is
 * process-wide and keyed by URL prefix: two registrations of one URL share it, the last wins.
 *
 * <pre>{@code
 * try (HttpAuth auth = HttpAuth.register("loader", password, gspUrl, queryUrl)) {
 *     GSP.service(gspUrl).graphName(g).PUT(graph);
 * }
 * }</pre>
 */
public final class HttpAuth implements AutoCloseable {
    private static final HttpAuth NONE = new HttpAuth(List.of());

    private final List<String> urls;

    private HttpAuth(List<String> urls) {
        this.urls = urls;
    }

    /**
     * Registers {@code user} and {@code password} for every non-null URL of {@code urls} (and the
     * URLs under it). A null user registers nothing.
     */
    public static HttpAuth register(String user, String password, String... urls) {
        if (user == null) {
            return NONE;
        }
        Objects.requireNonNull(password, "password");
        List<String> registered = java.util.Arrays.stream(urls).filter(Objects::nonNull).map(HttpAuth::withoutQuery)
                .distinct().toList();
        for (String u : registered) {
            AuthEnv.get().unregisterAuthModifier(u); // an answer kept from earlier credentials
            AuthEnv.get().registerUsernamePassword(URI.create(u), user, password);
        }
        return new HttpAuth(registered);
    }

    /** The URLs these credentials are for. */
    public List<String> urls() {
        return urls;
    }

    @Override
    public void close() {
        for (String u : urls) {
            AuthEnv.get().unregisterUsernamePassword(URI.create(u));
            AuthEnv.get().unregisterAuthModifier(u);
        }
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
