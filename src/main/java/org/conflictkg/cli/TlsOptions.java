package org.conflictkg.cli;

import java.nio.file.Path;

import org.conflictkg.server.KgServer;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --tls KEYSTORE --tls-password-file F}: serve HTTPS only (a picocli mixin of serve and demo). */
final class TlsOptions {
    @Option(names = "--tls", paramLabel = "KEYSTORE",
            description = "Serve HTTPS only, with the key and certificate of this PKCS12 (or JKS) keystore.")
    Path keystore;

    @Option(names = "--tls-password-file", paramLabel = "F",
            description = "The keystore's password, alone on the file's one line (readable by its owner only).")
    Path passwordFile;

    /** Applies the options to {@code builder}; a usage error for a password file without a keystore. */
    KgServer.Builder applyTo(KgServer.Builder builder, CommandLine.Model.CommandSpec spec) {
        if (keystore == null && passwordFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tls-password-file is for --tls");
        }
        if (keystore != null && passwordFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tls needs --tls-password-file");
        }
        return builder.tls(keystore, passwordFile);
    }
}
