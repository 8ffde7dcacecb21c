package org.conflictkg.cli;

import java.io.PrintWriter;
import java.util.List;

import org.conflictkg.ConflictKgException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code conflict-kg} command line: one launcher, one subcommand per stage. */
@Command(name = "conflict-kg",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds a knowledge graph of territorial control from war reporting.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                ConvertCommand.class,
                ExtractCommand.class,
                LoadCommand.class,
                QueryCommand.class,
                ExportCommand.class,
                ReviewCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                GazetteerCommand.class,
                LinkCommand.class,
                DeriveCommand.class,
                GenerateCommand.class,
                DoctorCommand.class,
                CompletionCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 bad usage or input). */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** A configured command line; tests set its writers and call {@code execute}. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleUsageError);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpLayout.install(cl);
        return cl;
    }

    /** Bad usage: one line naming the problem, one line pointing to the command's help; exit 2. */
    private static int handleUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String msg = ex.getMessage() == null ? "bad usage" : ex.getMessage().strip().replace('\n', ' ');
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            List<String> suggestions = u.getSuggestions();
            msg += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
        }
        err.println("error: " + msg);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ConflictKgException.BAD_INPUT;
    }

    /** One clear line per error; the trace only with {@code --verbose}. */
    private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && hasVerbose(parsed));
        int code = ex instanceof ConflictKgException cke ? cke.exitCode() : ConflictKgException.FAILURE;
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("error: " + msg);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean hasVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"conflict-kg " + (v == null ? "dev" : v)};
        }
    }
}
