/**
 * The command line. Each subcommand is a picocli {@code Callable<Integer>} that writes through
 * its command's writers and returns 0 (ok), 1 (failure) or 2 (bad usage or bad input);
 * errors reach {@link org.conflictkg.cli.Main}'s handler as {@link org.conflictkg.ConflictKgException}s,
 * bad usage its parameter-exception handler (one line and a hint to use {@code --help}).
 * Shared options are mixins: {@link org.conflictkg.cli.CommonOptions} ({@code --verbose},
 * {@code --quiet}), {@link org.conflictkg.cli.StoreTarget} ({@code --db} | {@code --endpoint},
 * {@code --user}, {@code --password-file}) and {@link org.conflictkg.cli.Summary.JsonOption}
 * ({@code --json}). Help is laid out by {@link org.conflictkg.cli.HelpLayout}; progress on a
 * terminal is {@link org.conflictkg.cli.ProgressBar}, an {@link org.conflictkg.Progress}.
 *
 * <p>May use: every package; the only one that composes stages that do not know each other ({@link
 * org.conflictkg.cli.Stages}).
 */
package org.conflictkg.cli;
