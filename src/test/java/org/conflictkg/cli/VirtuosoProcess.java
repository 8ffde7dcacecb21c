package org.conflictkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A Virtuoso 7 server ({@code virtuoso-t}, Debian's {@code virtuoso-opensource}) run as a child
 * process in a folder of its own: its own virtuoso.ini, free ports for SQL and HTTP, the folder in
 * DirsAllowed for the bulk loader, a new dba password and a user {@code loader} with
 * SPARQL_UPDATE (the Graph Store at {@code /sparql-graph-crud-auth} asks it for digest
 * credentials). Absent {@code virtuoso-t}, tests using it are skipped, except under CI=true,
 * where they fail.
 */
final class VirtuosoProcess implements AutoCloseable {
    static final String SERVER = "virtuoso-t";
    static final String LOADER = "loader";

    private final Path dir;
    private final int sqlPort;
    private final int httpPort;
    private final String dbaPassword;
    private final String loaderPassword;
    private final Process process;
    private final String isql;

    private VirtuosoProcess(Path dir, String server, String isql, long resultSetMaxRows, long maxSortedTopRows)
            throws IOException, InterruptedException {
        this.dir = dir;
        this.isql = isql;
        this.sqlPort = freePort();
        this.httpPort = freePort();
        this.dbaPassword = "dba" + Long.toHexString(System.nanoTime());
        this.loaderPassword = "loader" + Long.toHexString(System.nanoTime() * 31);
        Files.writeString(dir.resolve("virtuoso.ini"), String.join("\n",
                "[Database]", "DatabaseFile = virtuoso.db", "ErrorLogFile = virtuoso.log", "LockFile = virtuoso.lck",
                "TransactionFile = virtuoso.trx", "xa_persistent_file = virtuoso.pxa", "ErrorLogLevel = 7",
                "[TempDatabase]", "DatabaseFile = virtuoso-temp.db", "TransactionFile = virtuoso-temp.trx",
                "[Parameters]", "ServerPort = 127.0.0.1:" + sqlPort, "DisableUnixSocket = 1", "CaseMode = 2",
                "DirsAllowed = ., " + dir.toAbsolutePath(), "NumberOfBuffers = 10000", "MaxDirtyBuffers = 6000",
                "ThreadsPerQuery = 2", maxSortedTopRows > 0 ? "MaxSortedTopRows = " + maxSortedTopRows : "",
                "[HTTPServer]", "ServerPort = 127.0.0.1:" + httpPort, "ServerRoot = .", "ServerThreads = 4",
                "MaxClientConnections = 4", "EnabledDavVSP = 0",
                "[SPARQL]", "ResultSetMaxRows = " + resultSetMaxRows, "MaxQueryExecutionTime = 120", ""));
        this.process = new ProcessBuilder(server, "+foreground", "+configfile", "virtuoso.ini")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        try {
            awaitHttp(Duration.ofSeconds(120));
            sql("dba", "DB.DBA.USER_CREATE('" + LOADER + "', '" + loaderPassword + "');\n"
                    + "GRANT SPARQL_UPDATE TO \"" + LOADER + "\";\n"
                    + "SET PASSWORD dba " + dbaPassword + ";\n");
        } catch (IOException | RuntimeException | InterruptedException ex) {
            close();
            throw ex;
        }
    }

    /** Starts a server in {@code dir}; skips the calling test (fails it under CI=true) without virtuoso-t. */
    static VirtuosoProcess start(Path dir) throws IOException, InterruptedException {
        return start(dir, 1_000_000, 0);
    }

    /**
     * Starts a server in {@code dir} that sends at most {@code resultSetMaxRows} rows per answer
     * and sorts up to {@code maxSortedTopRows} rows for a page (ORDER BY with OFFSET and LIMIT; 0:
     * Virtuoso's default, 10,000).
     */
    static VirtuosoProcess start(Path dir, long resultSetMaxRows, long maxSortedTopRows) throws IOException, InterruptedException {
        String server = onPath(SERVER);
        String isql = onPath("isql-vt") != null ? "isql-vt" : onPath("isql") != null ? "isql" : null;
        if (server == null || isql == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI: " + SERVER + " and isql-vt are required (Debian package "
                        + "virtuoso-opensource; .ci/run installs it)");
            }
            Assumptions.abort(SERVER + " or isql-vt not installed (Debian package virtuoso-opensource)");
        }
        return new VirtuosoProcess(dir, server, isql, resultSetMaxRows, maxSortedTopRows);
    }

    private static String onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) {
                return Path.of(d, exe).toString();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitHttp(Duration limit) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(sparqlUrl() + "?query=ASK%7B%7D")).timeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(SERVER + " ended at start: " + log());
            }
            try {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(SERVER + " did not answer on port " + httpPort + " within " + limit + ": " + log());
    }

    /** Runs SQL statements through isql as {@code user} (dba: the password set at start, or the initial one). */
    String sql(String user, String statements) throws IOException, InterruptedException {
        String password = user.equals("dba") ? (dbaPasswordSet() ? dbaPassword : "dba") : loaderPassword;
        Process p = new ProcessBuilder(isql, "127.0.0.1:" + sqlPort, user, password, "VERBOSE=OFF", "BANNER=OFF",
                "PROMPT=OFF", "ECHO=OFF", "ERRORS=stdout").redirectErrorStream(true).start();
        p.getOutputStream().write(statements.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("isql did not finish");
        }
        if (out.contains("*** Error")) {
            throw new IllegalStateException("isql: " + out.strip());
        }
        if (user.equals("dba") && statements.contains("SET PASSWORD dba")) {
            passwordSet = true;
        }
        return out;
    }

    private boolean passwordSet;

    private boolean dbaPasswordSet() {
        return passwordSet;
    }

    private String log() {
        try {
            Path log = dir.resolve("virtuoso.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    Path dir() {
        return dir;
    }

    int sqlPort() {
        return sqlPort;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The public query endpoint (read-only, no credentials). */
    String sparqlUrl() {
        return baseUrl() + "/sparql";
    }

    /** The Graph Store endpoint that takes writes, with digest authentication. */
    String graphStoreUrl() {
        return baseUrl() + "/sparql-graph-crud-auth";
    }

    String loaderPassword() {
        return loaderPassword;
    }

    String dbaPassword() {
        return dbaPassword;
    }

    /**
     * Runs {@code scripts/virtuoso-bulk-load FOLDER} against this server as dba, with the
     * script's options {@code extra}, and returns what it printed; a failure of the script fails
     * the calling test with that output. The folder must be under {@link #dir()} (DirsAllowed).
     */
    String bulkLoad(Path folder, String... extra) throws IOException, InterruptedException {
        Path password = Files.createTempFile(dir, "dba-password", "");
        Files.writeString(password, "dba: " + dbaPassword + "\n");
        List<String> args = new java.util.ArrayList<>(List.of("scripts/virtuoso-bulk-load", folder.toString(), "--port",
                String.valueOf(sqlPort), "--password-file", password.toString()));
        args.addAll(List.of(extra));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: virtuoso-t checkpoints and exits
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
