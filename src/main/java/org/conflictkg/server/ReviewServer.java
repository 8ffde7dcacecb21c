package org.conflictkg.server;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.PlaceMatcher;
import org.conflictkg.store.StoreException;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The review page's server over a {@link ReviewFolder}: the page at {@code /}, its JSON under
 * {@code /api/} ({@link ReviewApiServlet}). Bound to 127.0.0.1 only; every request needs the
 * one-time token (256 random bits from {@link SecureRandom}) that {@link #url()} carries
 * ({@link ReviewTokenFilter}); saves must also come from the page itself. Request bodies are
 * limited to {@link #MAX_BODY} bytes.
 *
 * <pre>{@code
 * ReviewServer s = ReviewServer.create(folder).port(0).build().start();
 * System.out.println(s.url());
 * }</pre>
 */
public final class ReviewServer implements AutoCloseable {
    /** The loopback address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** Largest request body (a save): 32 MiB. */
    public static final long MAX_BODY = 32L << 20;

    private final FusekiServer server;
    private final String token;

    private ReviewServer(FusekiServer server, String token) {
        this.server = server;
        this.token = token;
    }

    public static Builder create(ReviewFolder folder) {
        return new Builder(folder);
    }

    public ReviewServer start() {
        try {
            server.start();
        } catch (RuntimeException ex) {
            throw StoreException.failure("cannot start the review server on " + HOST + ":" + server.getHttpPort()
                    + ": " + ex.getMessage(), ex);
        }
        return this;
    }

    public int port() {
        return server.getHttpPort();
    }

    /** The address without the token, e.g. {@code http://127.0.0.1:8080/}. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port() + "/";
    }

    /** The address to open: with the one-time token. */
    public String url() {
        return baseUrl() + "?" + ReviewTokenFilter.PARAM + "=" + token;
    }

    /** The token (for tests and scripts that send it as the {@code X-Review-Token} header). */
    public String token() {
        return token;
    }

    public void join() {
        server.join();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Fluent builder; {@link #build()} assembles the server without starting it. */
    public static final class Builder {
        private final ReviewFolder folder;
        private int port;
        private Supplier<PlaceMatcher> places = Builder::bundledPlaces;

        private Builder(ReviewFolder folder) {
            this.folder = Objects.requireNonNull(folder);
        }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The gazetteer the page searches places in (default: the bundled extract). */
        public Builder gazetteer(Gazetteer gazetteer) {
            PlaceMatcher m = new PlaceMatcher(gazetteer);
            this.places = () -> m;
            return this;
        }

        public ReviewServer build() {
            if (port < 0 || port > 65535) {
                throw StoreException.badInput("port out of range: " + port);
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            ReviewPageServlet page = new ReviewPageServlet();
            FusekiServer server = FusekiServer.create()
                    .port(port)
                    .loopback(true)
                    .fusekiModules(FusekiModules.empty())
                    .enableCors(false)
                    .addFilter("/*", new ReviewTokenFilter(token))
                    .addServlet("", page)
                    .addServlet("/index.html", page)
                    .addServlet("/app/*", page)
                    .addServlet("/api/*", new ReviewApiServlet(folder, places))
                    .build();
            org.eclipse.jetty.server.Server jetty = server.getJettyServer();
            for (var c : jetty.getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                    sc.setHost(HOST);
                }
            }
            SizeLimitHandler limit = new SizeLimitHandler(MAX_BODY, -1);
            limit.setHandler(jetty.getHandler());
            jetty.setHandler(limit);
            return new ReviewServer(server, token);
        }

        private static volatile PlaceMatcher bundled;

        private static PlaceMatcher bundledPlaces() {
            if (bundled == null) {
                bundled = new PlaceMatcher(Gazetteer.bundled());
            }
            return bundled;
        }
    }
}
