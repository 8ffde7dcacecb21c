/**
 * The command line. Each subcommand is a picocli {@code Callable<Integer>} that writes through
 * its command's writers and returns 0 (ok), 1 (failure) or 2 (bad usage or bad input);
 * errors reach {@link org.conflictkg.cli.Main}'s handler as {@link org.conflictkg.ConflictKgException}s.
 *
 * <p>May use: every package; the only one that composes stages that do not know each other ({@link
 * org.conflictkg.cli.Stages}).
 */
package org.conflictkg.cli;
