package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.conflictkg.http.HttpRetry;
import org.conflictkg.http.RemoteDataset;
import org.conflictkg.store.EndpointUrl;
import org.conflictkg.store.GspTarget;
import org.conflictkg.store.StoreException;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a store command reads or writes (a picocli mixin): a TDB2 folder ({@code --db}, default
 * {@code ./kg}) or a SPARQL server ({@code --endpoint}, with {@code --user} and
 * {@code --password-file} for basic or digest authentication).
 */
final class StoreTarget {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where = new Where();

    static final class Where {
        @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database folder. Default: ./kg")
        Path db;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "A SPARQL server: the dataset URL, such as http://127.0.0.1:3030/kg, or one of its services.")
        String endpoint;
    }

    @Option(names = "--user", paramLabel = "USER", description = "User at the endpoint (HTTP basic or digest authentication, as the server asks).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File with the endpoint password: alone on one line, or a 'user: password' line (readable by its owner only).")
    Path passwordFile;

    /** True for a server, false for a TDB2 folder. */
    boolean remote() {
        return where.endpoint != null;
    }

    String endpoint() {
        return where.endpoint;
    }

    /** The database folder: {@code --db}, or {@code ./kg}. */
    Path db() {
        return where.db != null ? where.db : StoreOptions.DEFAULT_DB;
    }

    /** The password from {@code --password-file}, or null. */
    String password() {
        return passwordFile == null ? null : StoreOptions.password(passwordFile, user);
    }

    /** Where, for summary lines. */
    String describe() {
        return remote() ? endpoint() : db().toString();
    }

    /** Bad usage unless the credentials options fit the target. */
    void check(CommandLine cl) {
        if (!remote() && (user != null || passwordFile != null)) {
            throw new CommandLine.ParameterException(cl, "--user and --password-file need --endpoint");
        }
        if (user != null && passwordFile == null) {
            throw new CommandLine.ParameterException(cl, "--user needs --password-file");
        }
    }

    /**
     * The remote store of {@code --endpoint}, for a stage that reads it through SPARQL and writes
     * graphs back through the Graph Store Protocol: the Graph Store as {@code load} finds it, and
     * the query endpoint {@code sparql}, else the one beside a Fuseki {@code .../data}. Bad input
     * in one line when there is none to be found.
     */
    RemoteDataset remoteDataset(String sparql, HttpRetry retry, java.time.Duration timeout) {
        EndpointUrl url = EndpointUrl.parse(endpoint());
        String gsp = url.graphStoreForWriting(true);
        String query = sparql != null ? sparql : GspTarget.fusekiQueryEndpoint(gsp);
        if (query == null) {
            throw StoreException.badInput(gsp + " is not laid out as a Fuseki dataset;"
                    + " give its SPARQL query endpoint with --sparql URL");
        }
        return RemoteDataset.create(query, gsp).credentials(user, password())
                .retry(retry).timeout(timeout).build();
    }

    /**
     * The Graph Store of {@code --endpoint} to load into, as {@code load} finds it: with {@code retry},
     * the credentials of {@code --user}, and its warnings printed to {@code err}.
     */
    GspTarget.Builder graphStore(HttpRetry retry, PrintWriter err) {
        GspTarget.Builder b = GspTarget.create(
                        EndpointUrl.parse(endpoint()).graphStoreForWriting(true))
                .retry(retry)
                .warnings(w -> err.println("warning: " + w));
        if (user != null) {
            b.credentials(user, password());
        }
        return b;
    }
}
