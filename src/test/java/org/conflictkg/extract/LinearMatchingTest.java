package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every regular expression extraction runs (the static patterns of its classes and the patterns of
 * its data files: control, figure, actor and country words) does work linear in the length of the
 * text, on hostile shapes of text: its regex steps, counted as reads of the text, grow at most
 * {@link #MAX_GROWTH} times when the text grows four times (quadratic matching grows 16 times), and
 * it never overflows the stack. Counts, not timings: the result is the same on any machine.
 */
class LinearMatchingTest {
    /** Step growth allowed for a text four times longer: linear is 4, with slack for the shapes' randomness. */
    static final double MAX_GROWTH = 7;
    static final int SHORT = 500;
    static final long SEED = 17;

    /** A text that counts how often the regex engine reads it. */
    static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Stream<Arguments> shapes() {
        return HostileTexts.shapes(SEED).entrySet().stream().map(e -> Arguments.of(e.getKey()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyPatternIsLinearOnTheShape(String shape) throws Exception {
        HostileTexts.Shape gen = HostileTexts.shapes(SEED).get(shape);
        String shortText = gen.text(SHORT, SEED);
        String longText = gen.text(4 * SHORT, SEED);
        List<String> superLinear = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : patterns().entrySet()) {
            long a = steps(e.getValue(), shortText);
            long b = steps(e.getValue(), longText);
            // below a few thousand reads the pattern hardly looked at the text; growth means nothing there
            if (b > 20_000 && b > MAX_GROWTH * Math.max(a, 1)) {
                superLinear.add(e.getKey() + ": " + a + " -> " + b + " reads");
            }
        }
        assertThat(superLinear).as("patterns super-linear on shape %s (seed %d)", shape, SEED).isEmpty();
    }

    /** Reads of the text by a search for every match, as the stages do (find from each position). */
    static long steps(Pattern p, String text) {
        CountingText t = new CountingText(text);
        Matcher m = p.matcher(t);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            from = m.end() > m.start() ? m.end() : m.end() + 1;
        }
        return t.reads;
    }

    /** The patterns extraction runs, by where they are defined. */
    static Map<String, Pattern> patterns() throws Exception {
        Map<String, Pattern> out = new LinkedHashMap<>();
        for (Class<?> c : extractClasses()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Pattern.class) {
                    f.setAccessible(true);
                    out.put(c.getSimpleName() + "." + f.getName(), (Pattern) f.get(null));
                }
            }
        }
        for (ControlPattern p : ControlPattern.bundled()) {
            out.put("control-patterns.tsv " + p.status() + " " + p.role() + " " + abbreviate(p.pattern()), p.pattern());
        }
        Field rules = FigureFinder.class.getDeclaredField("rules");
        rules.setAccessible(true);
        for (Object r : (List<?>) rules.get(FigureFinder.bundled())) {
            Method pattern = r.getClass().getDeclaredMethod("pattern");
            pattern.setAccessible(true);
            Pattern p = (Pattern) pattern.invoke(r);
            out.put("figure-patterns.tsv " + abbreviate(p), p);
        }
        for (ActorLexicon.Entry e : ActorLexicon.bundled().entries()) {
            out.put("actors " + e.actor().id() + " " + e.when() + " " + abbreviate(e.pattern()), e.pattern());
        }
        Field words = Countries.class.getDeclaredField("words");
        words.setAccessible(true);
        out.put("countries.tsv words", (Pattern) words.get(Countries.bundled()));
        return out;
    }

    private static String abbreviate(Pattern p) {
        String s = p.pattern();
        return s.length() > 70 ? s.substring(0, 67) + "..." : s;
    }

    private static List<Class<?>> extractClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(Extractor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/conflictkg/extract");
        List<Class<?>> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).sorted().forEach(names::add);
        }
        for (String n : names) {
            out.add(Class.forName("org.conflictkg.extract." + n.substring(0, n.length() - ".class".length())));
        }
        return out;
    }
}
