package org.conflictkg.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.conflictkg.facts.ArticleFacts;

/**
 * Throughput of {@code extract} on one core, on a synthetic batch of news-like articles of real
 * length (seeded, so every run reads the same text; about 24 sentences and 2 KB of body each, as
 * the real articles of the evaluation set), with unseen names in every article. Each round takes a fresh
 * extractor through the batch twice: first with a cold gazetteer cache (every capitalised phrase
 * looked up once), then with the names seen before. Reports articles per second and, as the
 * same-run baseline, the rate of reading the same articles without extracting (header parsing and
 * sentence splitting): the ratio says what extraction costs over merely reading.
 *
 * <p>Test code, not part of the jar:
 * <pre>mvn -B -q package -DskipTests   # also compiles the test classes
 * java -cp target/conflict-kg.jar:target/test-classes org.conflictkg.extract.ExtractBenchmark [ARTICLES [ROUNDS [SENTENCES]]]</pre>
 */
public final class ExtractBenchmark {
    private static final String[] PLACES = {"Saraqeb", "Khan Shaykhun", "Maarat al-Numan", "Ariha", "Jisr al-Shughur",
        "Sarmin", "Binnish", "Taftanaz", "Kafr Nabl", "Atarib", "Manbij", "Tal Abyad", "Ras al-Ain", "Palmyra",
        "Deir ez-Zor", "Mayadin", "Sukhnah", "Douma", "Daraa", "Tadif"};
    private static final String[] GAINERS = {"Syrian government forces", "Regime troops", "Rebels",
        "Turkish-backed factions", "The Syrian Democratic Forces", "Islamic State fighters", "Forces loyal to Assad",
        "The Rapid Support Forces", "M23 rebels", "Houthi fighters", "The Taliban", "Al-Shabaab militants"};
    private static final String[] VERBS = {"captured", "recaptured", "seized", "took full control of", "entered",
        "advanced into", "were poised to recapture", "attacked", "pulled out of"};
    private static final String[] WHEN = {"on Monday", "late on Tuesday", "on Wednesday", "this week", "last month",
        "since mid-December", "on Feb. 6", "over the past three days"};
    private static final String[] SOURCES = {"the Syrian Observatory for Human Rights said", "state media reported",
        "a monitor said", "according to the United Nations", "a spokesman said"};
    private static final String[] FILLER = {
        "The town lies on the M5 highway that connects Damascus to Aleppo.",
        "Residents described heavy shelling and long queues for bread.",
        "Both sides have accused each other of violating a ceasefire brokered last year.",
        "Aid groups warned of a humanitarian catastrophe as winter set in.",
        "The offensive has drawn condemnation from several European governments.",
        "Talks in Geneva have made little progress since the spring."};

    private ExtractBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int sentences = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        List<String> texts = corpus(n, sentences, new Random(42));
        long chars = texts.stream().mapToLong(String::length).sum();
        // warm up both paths
        run(texts.subList(0, Math.min(300, n)), Extractor.builder().build(), true);
        run(texts.subList(0, Math.min(300, n)), Extractor.builder().build(), false);
        double bestCold = 0;
        double bestWarm = 0;
        double bestRead = 0;
        double cpuCold = 0;
        double cpuWarm = 0;
        long facts = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            // a new extractor each round: its gazetteer answers are cached, so every round starts cold
            Extractor extractor = Extractor.builder().build();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            facts = run(texts, extractor, true);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            run(texts, extractor, true); // the same names again: gazetteer answers cached
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            run(texts, extractor, false);
            long t3 = System.nanoTime();
            bestCold = Math.max(bestCold, n / ((t1 - t0) / 1e9));
            bestWarm = Math.max(bestWarm, n / ((t2 - t1) / 1e9));
            bestRead = Math.max(bestRead, n / ((t3 - t2) / 1e9));
            cpuCold = Math.max(cpuCold, n / ((c1 - c0) / 1e9));
            cpuWarm = Math.max(cpuWarm, n / ((c2 - c1) / 1e9));
        }
        System.out.printf(Locale.ROOT, "articles: %d (%d sentences, %.1f KB each on average), rounds: %d, one thread%n", n,
                sentences, chars / 1024.0 / n, rounds);
        System.out.printf(Locale.ROOT, "extract, cold gazetteer cache: %.0f articles/s (%.2f ms/article), %d facts%n",
                bestCold, 1000 / bestCold, facts);
        System.out.printf(Locale.ROOT, "extract, names seen before:    %.0f articles/s (%.2f ms/article)%n", bestWarm,
                1000 / bestWarm);
        System.out.printf(Locale.ROOT, "baseline, reading only (header + sentences): %.0f articles/s%n", bestRead);
        System.out.printf(Locale.ROOT, "ratio: extraction costs %.0fx (cold) and %.0fx (warm) the reading%n",
                bestRead / bestCold, bestRead / bestWarm);
        // on a shared machine the thread's CPU time is steadier than the wall clock
        System.out.printf(Locale.ROOT, "per CPU second of the thread: %.0f articles/s cold, %.0f warm%n", cpuCold, cpuWarm);
    }

    private static long run(List<String> texts, Extractor extractor, boolean extract) {
        long count = 0;
        for (int i = 0; i < texts.size(); i++) {
            ArticleText a = ArticleText.parse("a" + i, texts.get(i), "synthetic");
            if (extract) {
                ArticleFacts f = extractor.extract(a);
                count += f.events().size() + f.figures().size() + f.controlStates().size();
            } else {
                count += SentenceSplitter.split(a.body()).size();
            }
        }
        return count;
    }

    /** {@code n} synthetic articles of {@code sentences} sentences each. */
    static List<String> corpus(int n, int sentences, Random rnd) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate date = LocalDate.of(2016, 1, 1).plusDays(rnd.nextInt(2000));
            StringBuilder sb = new StringBuilder();
            sb.append("TITLE: Synthetic report ").append(i).append("\nPUBLISHER: Bench\nDATE: ").append(date).append("\n\n");
            for (int s = 0; s < sentences; s++) {
                switch (rnd.nextInt(5)) {
                    case 0 -> sb.append(pick(GAINERS, rnd)).append(' ').append(pick(VERBS, rnd)).append(" the town of ")
                            .append(pick(PLACES, rnd)).append(' ').append(pick(WHEN, rnd)).append(", ")
                            .append(pick(SOURCES, rnd)).append('.');
                    case 1 -> sb.append("More than ").append(10 + rnd.nextInt(5000)).append(" civilians have been ")
                            .append(rnd.nextBoolean() ? "killed" : "displaced").append(' ').append(pick(WHEN, rnd))
                            .append(", ").append(pick(SOURCES, rnd)).append('.');
                    case 2 -> sb.append(pick(PLACES, rnd)).append(" had been out of regime hands since ")
                            .append(2011 + rnd.nextInt(5)).append('.');
                    case 3 -> sb.append(name(rnd)).append(", a resident of ").append(pick(PLACES, rnd))
                            .append(", told ").append(name(rnd)).append(" News that the road was closed.");
                    default -> sb.append(pick(FILLER, rnd));
                }
                sb.append(s % 3 == 2 ? "\n\n" : " ");
            }
            out.add(sb.append('\n').toString());
        }
        return out;
    }

    /** A random capitalised name, mostly never seen before: each costs a cold gazetteer lookup. */
    private static String name(Random rnd) {
        String consonants = "bdfghjklmnqrstwyz";
        String vowels = "aeiou";
        StringBuilder sb = new StringBuilder();
        int len = 4 + rnd.nextInt(5);
        for (int i = 0; i < len; i++) {
            String from = i % 2 == 0 ? consonants : vowels;
            char c = from.charAt(rnd.nextInt(from.length()));
            sb.append(i == 0 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private static String pick(String[] a, Random rnd) {
        return a[rnd.nextInt(a.length)];
    }
}
