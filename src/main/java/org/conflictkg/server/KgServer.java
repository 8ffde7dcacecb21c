package org.conflictkg.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.util.Objects;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.security.Credential;
import org.conflictkg.store.PasswordFile;
import org.conflictkg.store.StoreException;
import org.conflictkg.store.TdbStores;

/**
 * The embedded Fuseki server over one dataset, {@code /kg}, with the map page at {@code /} and the
 * Fuseki UI at {@code /ui/} ({@link org.conflictkg.server.MapPage}).
 *
 * <p>Endpoints of {@code /kg}: SPARQL query at {@code /kg}, {@code /kg/query} and
 * {@code /kg/sparql}; Graph Store Protocol read at {@code /kg} and {@code /kg/get}. Only when
 * {@link Builder#update} is set, and then only for users of the password file (HTTP basic):
 * SPARQL Update at {@code /kg/update} and Graph Store read-write at {@code /kg/data}.
 *
 * <p>Plain HTTP, or HTTPS only with {@link Builder#tls} (a keystore and its password file).
 *
 * <p>Secure defaults: bound to 127.0.0.1 unless another host is given; no write endpoint without
 * {@code update}; users from a checked {@link PasswordFile}; queries stop after the timeout, and
 * results stopped while they stream never end cleanly ({@link StreamedQuery});
 * {@code SERVICE} is refused; updates are parsed in whole and screened before they run
 * ({@link GuardedUpdate}: {@code LOAD} only from http(s)); writes from other sites are refused
 * ({@link WriteGuardFilter}); request bodies are limited ({@link Builder#maxUpload}); CORS off; of the admin area only {@code /$/server}, {@code /$/ping} and
 * {@code /$/stats} (read-only, what the UI needs) exist. The UI's working area (FUSEKI_BASE)
 * lives in {@code <database>/../<database-name>.fuseki}, never in the working directory.
 */
public final class KgServer implements AutoCloseable {
    /** The dataset name every conflict-kg server publishes. */
    public static final String DATASET = "/kg";
    /** The HTTP basic authentication realm. */
    static final String REALM = "conflict-kg";
    /**
     * Largest request body (a SPARQL Update, a Graph Store upload, a query sent by POST) when none
     * is given: 64 MiB. A larger one is refused with HTTP 413 before or while it is read.
     */
    public static final long DEFAULT_MAX_UPLOAD = 64L << 20;
    /** Query timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final FusekiServer server;
    private final DatasetGraph dataset;
    private final String host;
    private final boolean update;
    private final boolean tls;

    private KgServer(FusekiServer server, DatasetGraph dataset, String host, boolean update, boolean tls) {
        this.server = server;
        this.dataset = dataset;
        this.host = host;
        this.update = update;
        this.tls = tls;
    }

    static {
        org.conflictkg.query.QueryLib.init();
    }

    public static Builder create() {
        return new Builder();
    }

    /** Starts serving; returns this. */
    public KgServer start() {
        try {
            server.start();
        } catch (RuntimeException ex) {
            throw StoreException.failure("cannot start the server on " + host + ":" + server.getPort()
                    + ": " + rootMessage(ex), ex);
        }
        return this;
    }

    /** The port actually bound (useful with port 0): the HTTPS port with TLS, else the HTTP port. */
    public int port() {
        return server.getPort();
    }

    /** The host the server is bound to. */
    public String host() {
        return host;
    }

    /** The address the connector is bound to, as Jetty reports it. */
    public String boundHost() {
        for (var c : server.getJettyServer().getConnectors()) {
            if (c instanceof NetworkConnector nc) {
                return nc.getHost();
            }
        }
        return null;
    }

    /** True if the write endpoints exist. */
    public boolean updateEnabled() {
        return update;
    }

    /** True if the server speaks HTTPS only ({@link Builder#tls}). */
    public boolean tls() {
        return tls;
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:3030/} ({@code https:} with TLS). */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "https://" : "http://") + h + ":" + port() + "/";
    }

    /** The dataset URL, e.g. {@code http://127.0.0.1:3030/kg}. */
    public String datasetUrl() {
        return baseUrl() + DATASET.substring(1);
    }

    /** Blocks until the server stops. */
    public void join() {
        server.join();
    }

    /** Stops the server. The dataset stays open (its owner closes it). */
    @Override
    public void close() {
        server.stop();
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    /** Fluent builder; {@link #build()} validates and assembles the server without starting it. */
    public static final class Builder {
        private DatasetGraph dataset;
        private Path fusekiBase;
        private int port = 3030;
        private String host = "127.0.0.1";
        private boolean update;
        private Path passwordFile;
        private UserStore users;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxUpload = DEFAULT_MAX_UPLOAD;
        private boolean ui = true;
        private String tiles;
        private Path keystore;
        private String keystorePassword;

        private Builder() {}

        /** Serves this TDB2 database folder (created if absent) with its FUSEKI_BASE beside it. */
        public Builder database(Path dir) {
            Path abs = dir.toAbsolutePath().normalize();
            this.dataset = TdbStores.openOrCreate(abs);
            Path parent = abs.getParent() == null ? abs : abs.getParent();
            this.fusekiBase = parent.resolve(abs.getFileName() + ".fuseki");
            return this;
        }

        /**
         * Serves an already open dataset; {@code fusekiBase} is where the UI keeps its working
         * files (null: a temporary folder).
         */
        public Builder dataset(DatasetGraph dsg, Path fusekiBase) {
            this.dataset = dsg;
            this.fusekiBase = fusekiBase;
            return this;
        }

        /** TCP port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Interface to bind to; default 127.0.0.1 (loopback only). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Adds the update and Graph Store write endpoints; needs a password file. */
        public Builder update(boolean update) {
            this.update = update;
            return this;
        }

        /**
         * Password file ({@code user: password} lines, see {@link PasswordFile}) for the write
         * endpoints; read and checked at once (a bad input error if it names no usable user), so
         * give it before {@link #database} to refuse a bad file before a database is opened.
         */
        public Builder passwordFile(Path file) {
            this.passwordFile = file;
            this.users = file == null ? null : userStore(PasswordFile.read(file));
            return this;
        }

        /**
         * Serve HTTPS only, with the key and certificate of this keystore (PKCS12 or JKS), opened
         * with the password of {@code passwordFile} (a {@link PasswordFile} holding the password
         * alone, checked as every password file is). The keystore is opened at once: a missing or
         * unreadable file, a wrong password or a keystore without a private key is a bad input
         * error. Null keystore: plain HTTP (the default).
         */
        public Builder tls(Path keystore, Path passwordFile) {
            if (keystore == null) {
                this.keystore = null;
                this.keystorePassword = null;
                return this;
            }
            if (passwordFile == null) {
                throw StoreException.badInput("--tls needs --tls-password-file (the keystore's password)");
            }
            PasswordFile file = PasswordFile.read(passwordFile);
            if (!file.users().isEmpty()) {
                throw StoreException.badInput("password file " + passwordFile
                        + ": expected the keystore's password alone on one line, not 'user: password' lines");
            }
            String password = file.passwordFor(null);
            checkKeystore(keystore, password);
            this.keystore = keystore.toAbsolutePath().normalize();
            this.keystorePassword = password;
            return this;
        }

        /** Longest time a query may run before it is stopped. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Largest request body in bytes (default {@link #DEFAULT_MAX_UPLOAD}); larger ones get HTTP 413. */
        public Builder maxUpload(long bytes) {
            this.maxUpload = bytes;
            return this;
        }

        /** Serve the map page and the Fuseki UI (default true). */
        public Builder ui(boolean ui) {
            this.ui = ui;
            return this;
        }

        /** A tile URL template ({@code https://host/{z}/{x}/{y}.png}) the map adds as a layer; null for none. */
        public Builder tiles(String tiles) {
            this.tiles = tiles;
            return this;
        }

        public KgServer build() {
            if (dataset == null) {
                throw StoreException.badInput("no database given");
            }
            if (port < 0 || port > 65535) {
                throw StoreException.badInput("port out of range: " + port);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw StoreException.badInput("the query timeout must be positive");
            }
            if (maxUpload <= 0) {
                throw StoreException.badInput("the upload limit must be positive");
            }
            if (update && passwordFile == null) {
                throw StoreException.badInput("--update needs --password-file (writes always need credentials)");
            }
            try {
                org.conflictkg.server.MapPage.checkTiles(tiles);
            } catch (IllegalArgumentException ex) {
                throw StoreException.badInput(ex.getMessage());
            }
            InetAddress address = resolve(host);

            dataset.getContext().set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
            dataset.getContext().set(ARQ.httpServiceAllowed, false);

            DataService.Builder ds = DataService.newBuilder(dataset)
                    .addEndpoint(Operation.Query)
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.GSP_R)
                    .addEndpoint(Operation.GSP_R, "get");
            if (update) {
                ds.addEndpoint(Operation.Update, "update", Auth.ANY_USER)
                  .addEndpoint(Operation.GSP_RW, "data", Auth.ANY_USER);
            }

            FusekiServer.Builder fb = FusekiServer.create();
            if (keystore != null) {
                // HTTPS only: with no HTTP port set, Fuseki opens no plain HTTP connector.
                fb.https(port, keystore.toString(), keystorePassword);
            } else {
                fb.port(port);
            }
            fb.fusekiModules(FusekiModules.empty())
                    .enableCors(false)
                    .enablePing(true)
                    .enableStats(true)
                    .registerOperation(Operation.Update, new GuardedUpdate())
                    .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new StreamedQuery())
                    .addFilter(DATASET + "/*", new WriteGuardFilter(DATASET))
                    .addFilter(DATASET + "/*", new BadRequests.FormFilter())
                    .addFilter(DATASET + "/*", new StreamedQuery.Responses())
                    .add(DATASET, ds.build());
            if (passwordFile != null) {
                fb.securityHandler(JettySecurityLib.makeSecurityHandler(REALM, users, AuthScheme.BASIC))
                  .auth(AuthScheme.BASIC).realm(REALM);
            }
            if (ui) {
                org.conflictkg.server.MapPage.install(fb, dataset, DATASET, update, tiles, timeout);
                // The Fuseki UI reads /$/server (the datasets), which needs the server control
                // object FMod_Admin would normally install; install both without the rest of the
                // admin area.
                try {
                    if (fusekiBase == null) {
                        fusekiBase = Files.createTempDirectory("conflict-kg-fuseki");
                        fusekiBase.toFile().deleteOnExit();
                    }
                    Files.createDirectories(fusekiBase);
                } catch (IOException ex) {
                    throw StoreException.failure("cannot create " + fusekiBase + ": " + ex.getMessage(), ex);
                }
                FusekiServerCtl ctl = new FusekiServerCtl(fusekiBase);
                fb.addServletAttribute(Fuseki.attrFusekiServerCtl, ctl)
                  .addServlet("/$/server", new ActionServerStatus());
            }
            FusekiServer server = fb.build();
            bindTo(server, address);
            limitRequests(server, maxUpload);
            return new KgServer(server, dataset, address.getHostAddress(), update, keystore != null);
        }

        /** The server's users, built from the parsed file (never re-read by Jetty, so both agree on its meaning). */
        private static UserStore userStore(PasswordFile file) {
            UserStore store = new UserStore();
            for (PasswordFile.User u : file.serverUsers()) {
                store.addUser(u.name(), Credential.getCredential(u.password()), u.roles().toArray(String[]::new));
            }
            return store;
        }

        /** Opens the keystore as Jetty will: a bad input error unless it opens and holds a private key. */
        private static void checkKeystore(Path keystore, String password) {
            if (!Files.isRegularFile(keystore)) {
                throw StoreException.badInput("keystore " + keystore + (Files.exists(keystore) ? " is not a regular file" : " does not exist"));
            }
            KeyStore ks;
            try {
                ks = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
            } catch (IOException ex) {
                String why = ex.getCause() instanceof UnrecoverableKeyException ? "wrong password" : rootMessage(ex);
                throw StoreException.badInput("keystore " + keystore + " cannot be opened: " + why, ex);
            } catch (GeneralSecurityException | IllegalArgumentException ex) {
                throw StoreException.badInput("keystore " + keystore + " cannot be opened: " + rootMessage(ex), ex);
            }
            try {
                for (String alias : java.util.Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(alias)) {
                        return;
                    }
                }
            } catch (KeyStoreException ex) {
                throw StoreException.badInput("keystore " + keystore + " cannot be read: " + rootMessage(ex), ex);
            }
            throw StoreException.badInput("keystore " + keystore + " holds no private key (expected a key and its certificate)");
        }

        private static InetAddress resolve(String host) {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException ex) {
                throw StoreException.badInput("unknown host " + host);
            }
        }

        /**
         * Bounds every request body (413 at once for a larger Content-Length, or as soon as more
         * is read), after refusing malformed requests ({@link BadRequests.Screen}).
         */
        private static void limitRequests(FusekiServer server, long maxUpload) {
            org.eclipse.jetty.server.Server jetty = server.getJettyServer();
            SizeLimitHandler limit = new SizeLimitHandler(maxUpload, -1);
            limit.setHandler(jetty.getHandler());
            BadRequests.Screen screen = new BadRequests.Screen();
            screen.setHandler(limit);
            jetty.setHandler(screen);
        }

        private static void bindTo(FusekiServer server, InetAddress address) {
            for (var c : server.getJettyServer().getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                    sc.setHost(address.getHostAddress());
                }
            }
        }
    }

    /** The message of the innermost cause, or its class name. */
    static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

}
