package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Bad usage gives one line and a hint; help fits its width without breaking values. */
class UsageAndHelpTest {

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(List.of("lod", "examples/"), "conflict-kg --help"),
                Arguments.of(List.of("load"), "conflict-kg load --help"),
                Arguments.of(List.of("load", "x.json", "--db", "a", "--endpoint", "http://127.0.0.1:9/kg"), "conflict-kg load --help"),
                Arguments.of(List.of("load", "x.json", "--bulk-loader", "fastest"), "conflict-kg load --help"),
                Arguments.of(List.of("load", "x.json", "--user", "u"), "conflict-kg load --help"),
                Arguments.of(List.of("load", "x.json", "--update", "http://127.0.0.1:9/sparql-auth"), "conflict-kg load --help"),
                Arguments.of(List.of("link", "--wikidata", "http://127.0.0.1:9/sparql", "--no-wikidata"), "conflict-kg link --help"),
                Arguments.of(List.of("query", "controller-at", "--nope"), "conflict-kg query --help"),
                Arguments.of(List.of("query", "figures", "--endpoint", "http://127.0.0.1:9/kg", "--page-size", "-1"),
                        "conflict-kg query --help"),
                Arguments.of(List.of("query", "figures", "--db", "kg", "--page-size", "1000"), "conflict-kg query --help"),
                Arguments.of(List.of("serve", "--port", "many"), "conflict-kg serve --help"),
                Arguments.of(List.of("load", "x.json", "--endpoint", "http://127.0.0.1:9/kg", "--retries", "0"),
                        "conflict-kg load --help"),
                Arguments.of(List.of("derive", "--endpoint", "http://127.0.0.1:9/kg", "--retries", "0"),
                        "conflict-kg derive --help"),
                Arguments.of(List.of("derive", "--endpoint", "http://127.0.0.1:9/kg", "--timeout", "0"),
                        "conflict-kg derive --help"),
                Arguments.of(List.of("link", "--sparql", "http://127.0.0.1:9/sparql"), "conflict-kg link --help"),
                Arguments.of(List.of("derive", "--highway", "M5"), "conflict-kg derive --help"),
                Arguments.of(List.of("gazetteer", "search"), "conflict-kg gazetteer search --help"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void badUsageIsOneLinePlusAHintAndExitsTwo(List<String> args, String hint) {
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as(r.err()).hasSize(2);
        assertThat(lines.get(0)).startsWith("error: ");
        assertThat(lines.get(1)).isEqualTo("Try '" + hint + "' for more information.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadServeTimeoutIsAUsageErrorBeforeTheStoreIsOpened(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path db = dir.resolve("kg");
        CliRun r = CliRun.run("serve", "--db", db.toString(), "--port", "0", "--timeout", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --timeout must be positive");
        assertThat(db).doesNotExist();
    }

    @Test
    void aMistypedCommandGetsASuggestionOnTheSameLine() {
        CliRun r = CliRun.run("lod");
        assertThat(r.err().lines().findFirst().orElseThrow()).contains("did you mean load?");
    }

    @Test
    void topLevelSummariesFitOnOneLine() {
        CliRun r = CliRun.run("--help");
        assertThat(r.exitCode()).isZero();
        List<String> list = r.out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .takeWhile(l -> !l.isBlank()).toList();
        CommandLine cl = Main.newCommandLine();
        assertThat(list).hasSize(cl.getSubcommands().size());
        for (String line : list) {
            assertThat(line).startsWith("  ").hasSizeLessThanOrEqualTo(80);
            assertThat(line.substring(2)).matches("[a-z]+ +\\S.*");
        }
    }

    @Test
    void everyCommandsHelpKeepsValuesWholeAndListsExitCodes() {
        CommandLine cl = Main.newCommandLine();
        for (Map.Entry<String, CommandLine> e : all(cl).entrySet()) {
            String help = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : help.lines().toList()) {
                assertThat(line).as(e.getKey() + ": " + line).hasSizeLessThanOrEqualTo(80);
                assertThat(line.strip()).as(e.getKey()).doesNotEndWith("http:").doesNotEndWith("https:")
                        .doesNotStartWith("//").doesNotEndWith("Default: .");
            }
            assertThat(help).as(e.getKey()).contains("Exit codes:").contains("2   Bad usage or bad input.");
        }
        String load = cl.getSubcommands().get("load").getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertThat(load).contains("Default: ./kg").contains("http://127.0.0.1:3030/kg,")
                .contains("none, phased, parallel, basic").contains(".txt, .html");
    }

    @Test
    void everyEnumOptionListsItsValues() throws Exception {
        int enums = 0;
        for (Map.Entry<String, CommandLine> e : all(Main.newCommandLine()).entrySet()) {
            for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (!o.type().isEnum()) {
                    continue;
                }
                enums++;
                String where = e.getKey() + " " + o.longestName();
                List<String> values = new java.util.ArrayList<>();
                assertThat(o.completionCandidates()).as(where).isNotNull();
                o.completionCandidates().forEach(values::add);
                assertThat(values).as(where).hasSize(o.type().getEnumConstants().length)
                        .allSatisfy(v -> assertThat(v).isLowerCase());
                // ${COMPLETION-CANDIDATES}, as picocli fills it in, in the description and the help
                assertThat(String.join(" ", o.description())).as(where).contains(String.join(", ", values));
                String help = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
                assertThat(help).as(where).contains(String.join(", ", values));
                for (String v : values) { // every listed value reads back as one of the constants
                    Object parsed = o.converters().length > 0 ? o.converters()[0].convert(v)
                            : Enum.valueOf(o.type().asSubclass(Enum.class), v.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
                    assertThat(parsed).as(where + " " + v).isInstanceOf(o.type());
                }
            }
        }
        assertThat(enums).as("enum options found").isGreaterThanOrEqualTo(7);
    }

    private static Map<String, CommandLine> all(CommandLine cl) {
        Map<String, CommandLine> out = new java.util.LinkedHashMap<>();
        out.put(cl.getCommandSpec().qualifiedName(), cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            out.putAll(all(sub));
        }
        return out;
    }

    @Test
    void helpWrapsAtSpacesOnly() {
        StringBuilder sb = new StringBuilder();
        HelpLayout.wrap(sb, "  --db=DIR  ", "TDB2 database folder. Default: ./kg and http://127.0.0.1:3030/kg/data too", 11, 40);
        assertThat(sb.toString()).contains("./kg").contains("http://127.0.0.1:3030/kg/data");
        assertThat(sb.toString().lines()).allSatisfy(l -> assertThat(l.length() <= 40 || !l.strip().contains(" ")).isTrue());
    }
}
