package org.conflictkg.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Extraction time per megabyte of hostile text at 1 MB and 5 MB, for a few shapes: the example article
 * repeated (news with punctuation), news phrases without a full stop, news words without punctuation,
 * a run of digit groups. One thread, one extractor for all, its gazetteer loaded before the clock
 * starts; wall time and the thread's CPU time (less sensitive to other work on the machine). It
 * measures; it asserts nothing. Run from the repository root:
 * {@code java [-Dshapes=NAME,...] -cp target/conflict-kg.jar:target/test-classes org.conflictkg.extract.HostileBenchmark [MB...]}
 */
public final class HostileBenchmark {
    private HostileBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1, 5);
        }
        String example = Files.readString(Path.of("examples", "2020-01-31-newarab-saraqeb.txt")).split("\n\n", 2)[1];
        Extractor x = Extractor.builder().build();
        x.extract(article(example)); // loads the gazetteer, the registry and the patterns
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.printf("%-34s %4s %9s %9s %9s %9s %7s%n", "shape", "MB", "wall s", "wall s/MB", "cpu s", "cpu s/MB", "facts");
        List<String> shapes = List.of(System.getProperty("shapes", "example-repeated,news-phrases-without-full-stop,"
                + "news-words-without-punctuation,digit-groups").split(","));
        for (String shape : shapes) {
            for (int mb : sizes) {
                int length = mb << 20;
                String body;
                if (shape.equals("example-repeated")) {
                    StringBuilder b = new StringBuilder(length + example.length());
                    while (b.length() < length) {
                        b.append(example).append('\n');
                    }
                    body = b.toString();
                } else {
                    body = HostileTexts.shapes(7).get(shape).text(length, 7);
                }
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                var facts = x.extract(article(body));
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                double size = body.length() / 1048576.0;
                System.out.printf("%-34s %4d %9.1f %9.2f %9.1f %9.2f %7d%n", shape, mb, s, s / size, cpu, cpu / size,
                        facts.events().size() + facts.figures().size());
            }
        }
    }

    private static ArticleText article(String body) {
        return new ArticleText("bench", "Bench", null, LocalDate.of(2020, 1, 31), null, null, List.of(), body);
    }
}
