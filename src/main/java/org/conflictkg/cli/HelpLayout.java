package org.conflictkg.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help sections that wrap text at spaces only. picocli's own layout wraps with a line
 * {@link java.text.BreakIterator}, which also breaks after {@code .} or {@code :} inside a word
 * and so splits values a user copies ({@code ./kg}, {@code http://...}). The command list shows
 * each command's summary (the first line of its description) on one line.
 */
final class HelpLayout {
    private static final int NAME_COLUMN = 28;

    private HelpLayout() {
    }

    /** Exit codes, the same for every command. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("0", "Success.");
        m.put("1", "Failure (a write, the network, the store).");
        m.put("2", "Bad usage or bad input.");
        return m;
    }

    /** Installs the sections (and the exit code list) on {@code cl} and all its subcommands. */
    static void install(CommandLine cl) {
        CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        }
        Map<String, CommandLine.IHelpSectionRenderer> r = cl.getHelpSectionMap();
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        cl.setHelpSectionMap(r);
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    private static int width(Help help) {
        return help.commandSpec().usageMessage().width();
    }

    /** A command's summary: the first line of its description. */
    static String summary(CommandLine.Model.CommandSpec spec) {
        String[] h = spec.usageMessage().header();
        String[] d = h.length > 0 ? h : spec.usageMessage().description();
        return d.length == 0 ? "" : d[0].replace("%n", " ").strip();
    }

    private static String description(Help help) {
        StringBuilder sb = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            for (String p : paragraph.split("%n", -1)) {
                wrap(sb, "", p.strip(), 0, width(help));
            }
        }
        return sb.toString();
    }

    private static String parameters(Help help) {
        StringBuilder sb = new StringBuilder();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (!p.hidden()) {
                item(sb, "      " + p.paramLabel() + (p.isMultiValue() ? "..." : ""), p, width(help));
            }
        }
        return sb.toString();
    }

    private static String options(Help help) {
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : help.commandSpec().options()) {
            if (!o.hidden()) {
                options.add(o);
            }
        }
        options.sort(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT)));
        StringBuilder sb = new StringBuilder();
        for (OptionSpec o : options) {
            item(sb, names(o), o, width(help));
        }
        return sb.toString();
    }

    private static String names(OptionSpec o) {
        String shortName = null;
        String longName = null;
        for (String n : o.names()) {
            if (n.startsWith("--")) {
                longName = longName == null ? n : longName;
            } else if (shortName == null) {
                shortName = n;
            }
        }
        if (longName != null && o.negatable()) {
            longName = "--[no-]" + longName.substring(2).replaceFirst("^no-", "");
        }
        StringBuilder sb = new StringBuilder("  ");
        if (longName == null) {
            sb.append(shortName);
        } else {
            sb.append(shortName == null ? "    " : shortName + ", ").append(longName);
        }
        if (o.arity().max() > 0 && !o.typeInfo().isBoolean()) {
            sb.append('=').append(o.paramLabel());
            if (o.isMultiValue()) {
                sb.append("...");
            }
        }
        return sb.toString();
    }

    private static void item(StringBuilder sb, String names, ArgSpec arg, int width) {
        String desc = String.join(" ", arg.description()).replace("%n", " ").strip();
        if (names.length() + 2 > NAME_COLUMN) {
            sb.append(names).append('\n');
            wrap(sb, "", desc, NAME_COLUMN, width);
        } else {
            wrap(sb, names + " ".repeat(NAME_COLUMN - names.length()), desc, NAME_COLUMN, width);
        }
    }

    private static String commands(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        int col = 2 + subs.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Help> e : subs.entrySet()) {
            String name = "  " + e.getKey();
            wrap(sb, name + " ".repeat(col - name.length()), summary(e.getValue().commandSpec()), col, width(help));
        }
        return sb.toString();
    }

    /**
     * Appends {@code text} wrapped at spaces to {@code width}, the first line after {@code first},
     * the others indented by {@code indent}. A word longer than a line stays whole.
     */
    static void wrap(StringBuilder sb, String first, String text, int indent, int width) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                sb.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                line.append(" ".repeat(indent));
                start = indent;
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
