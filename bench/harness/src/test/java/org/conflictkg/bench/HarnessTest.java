package org.conflictkg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness runs every measure end to end on tiny corpora and prints a table and one
 * parseable RATIO line per measure. This checks that the benchmarks work, not how fast anything is.
 */
class HarnessTest {

    private static final Pattern RATIO = Pattern.compile("RATIO (\\S+) (\\S+) (>=|<=)(\\S+)");

    @Test
    void quickRunPrintsATableAndOneParseableRatioLinePerMeasure(@TempDir Path work) throws Exception {
        Harness.Options o = Harness.Options.parse("--quick", "--work", work.toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<Result> results = Harness.run(o, new PrintStream(log, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Harness.print(results, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("| measure | ours | baseline | ratio | goal | met | notes |");
        List<String> lines = text.lines().filter(l -> l.startsWith("RATIO ")).toList();
        assertThat(lines).hasSize(Harness.ALL.size());
        List<String> tail = text.strip().lines().toList();
        assertThat(tail.subList(tail.size() - lines.size(), tail.size())).as("RATIO lines end the output")
                .isEqualTo(lines);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RATIO.matcher(lines.get(i));
            assertThat(m.matches()).as(lines.get(i)).isTrue();
            assertThat(m.group(1)).isEqualTo(Harness.ALL.get(i));
            double measured = Double.parseDouble(m.group(2));
            double goal = Double.parseDouble(m.group(4));
            assertThat(measured).as(lines.get(i) + "\n" + log.toString(StandardCharsets.UTF_8)).isFinite().isPositive();
            assertThat(goal).isFinite().isPositive();
        }
        // The two conversions agree with their baselines on what they produce.
        assertThat(text).contains("outputs isomorphic");
    }

    @Test
    void optionsTakeSizesWithSuffixesAndRejectUnknownMeasures() {
        Harness.Options o = Harness.Options.parse("--convert", "20k", "--memory", "1M", "--only",
                "conversion-vs-carml");
        assertThat(o.convert).isEqualTo(20_000);
        assertThat(o.memory).isEqualTo(1_000_000);
        assertThat(o.only).containsExactly("conversion-vs-carml");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Harness.Options.parse("--only", "speed"))
                .hasMessageContaining("unknown measure");
    }

    @Test
    void ratioLinesPrintTheGoalWithItsDirection() {
        Result r = new Result("x", "1", "2", 0.4567, true, 0.5, "");
        assertThat(r.ratioLine()).isEqualTo("RATIO x 0.457 >=0.500");
        assertThat(r.met()).isFalse();
        Result q = new Result("y", "1", "2", 1.5, false, 2, "");
        assertThat(q.ratioLine()).isEqualTo("RATIO y 1.500 <=2");
        assertThat(q.met()).isTrue();
    }

    @Test
    void memoryMeasureReadsTheLargestHeapLeftAfterACollectionFromAGcLog() {
        String log = """
                [0.010s][info][gc] Using G1
                [0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(512M) 4.101ms
                [1.900s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 300M->131M(512M) 9.870ms
                [2.400s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 140M->900K(512M) 1.000ms
                """;
        assertThat(MemoryBench.maxAfterGcKb(log)).isEqualTo(131L << 10);
        assertThat(MemoryBench.maxAfterGcKb("[0.010s][info][gc] Using G1\n")).isEqualTo(-1);
    }
}
