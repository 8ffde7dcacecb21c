package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every match of a regex must look like, read from the regex itself, so that a finder can rule
 * out a text or a position without running the regex there: {@link #prefixes} (the texts a match
 * can start with) and {@link #required} (literals of which every match contains one). Both are
 * lower-cased one character at a time ({@link #lower}), and compared with text lower-cased the same
 * way they never rule out a match: for a case-insensitive pattern (ASCII case folding, Java's
 * default) as for a case-sensitive one. Understands literals, escapes, groups, alternatives,
 * quantifiers, look-arounds and boundaries; character classes, dots and back-references are "any
 * text". Null means "unknown": no filter. Patterns with flags that change how a pattern reads
 * (comments, literal, Unicode case, canonical equivalence) give null.
 */
final class RegexLiterals {
    /** More prefixes than this for one pattern: shorter prefixes are tried instead. */
    private static final int MAX_PREFIXES = 2048;
    private static final int UNSUPPORTED = Pattern.COMMENTS | Pattern.LITERAL | Pattern.UNICODE_CASE
            | Pattern.CANON_EQ | Pattern.UNICODE_CHARACTER_CLASS;

    private RegexLiterals() {
    }

    /** The one-character lower-casing both sides of a comparison use. */
    static char lower(char c) {
        return Character.toLowerCase(c);
    }

    /** {@code text} lower-cased one character at a time ({@link #lower}): same length, same offsets. */
    static String lower(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(text.charAt(i));
        }
        return new String(out);
    }

    /**
     * The lower-cased texts, at most {@code k} characters long, that every match of {@code pattern}
     * starts with (a match starts with at least one of them); null when a match may be empty or may
     * start with any character. When there would be too many, shorter ones.
     */
    static Set<String> prefixes(Pattern pattern, int k) {
        Node root = parse(pattern);
        if (root == null) {
            return null;
        }
        for (int n = k; n >= 1; n--) {
            try {
                Set<Prefix> ps = root.prefixes(n);
                Set<String> out = new LinkedHashSet<>();
                for (Prefix p : ps) {
                    if (p.text.isEmpty()) {
                        return null;
                    }
                    out.add(p.text);
                }
                return out;
            } catch (TooMany e) {
                // fewer characters, fewer prefixes
            }
        }
        return null;
    }

    /**
     * Lower-cased literals of which every match of {@code pattern} contains at least one; null when
     * none is known (then every text must be tried).
     */
    static List<String> required(Pattern pattern) {
        Node root = parse(pattern);
        Set<String> r = root == null ? null : root.required();
        if (r == null || r.isEmpty() || r.contains("")) {
            return null;
        }
        return List.copyOf(minimal(r));
    }

    /** The literals without those that contain another: a text holding one of the rest is the same test. */
    private static Set<String> minimal(Set<String> literals) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : literals) {
            boolean implied = false;
            for (String o : literals) {
                if (!o.equals(l) && l.contains(o)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * True when {@code lowerText} (lower-cased with {@link #lower(CharSequence)}) contains one of
     * {@code literals}, or when there are none to check (null).
     */
    static boolean containsAny(String lowerText, List<String> literals) {
        if (literals == null) {
            return true;
        }
        for (String l : literals) {
            if (lowerText.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A pattern with the literals one of which every match holds ({@link #required}): a text
     * without them need not be scanned.
     */
    record Screened(Pattern pattern, List<String> literals) {
        static Screened of(Pattern pattern) {
            return new Screened(pattern, required(pattern));
        }

        /** False when no match can be found in the text whose {@link #lower(CharSequence)} is {@code lowerText}. */
        boolean mayMatch(String lowerText) {
            return containsAny(lowerText, literals);
        }
    }

    private static Node parse(Pattern pattern) {
        if ((pattern.flags() & UNSUPPORTED) != 0) {
            return null;
        }
        try {
            Parser p = new Parser(pattern.pattern());
            Node n = p.alternatives();
            return p.pos == p.re.length() ? n : null;
        } catch (RuntimeException e) {
            return null; // a construct the parser does not know: no filter
        }
    }

    /** A prefix of a match: its text so far, and whether more may follow that is not known. */
    private record Prefix(String text, boolean open) {
    }

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    private static Set<Prefix> concat(Set<Prefix> a, Set<Prefix> b, int k) {
        Set<Prefix> out = new LinkedHashSet<>();
        for (Prefix x : a) {
            if (x.open || x.text.length() >= k) {
                out.add(new Prefix(x.text, true));
                continue;
            }
            for (Prefix y : b) {
                String s = x.text + y.text;
                out.add(s.length() >= k ? new Prefix(s.substring(0, k), true) : new Prefix(s, y.open));
            }
            if (out.size() > MAX_PREFIXES) {
                throw new TooMany();
            }
        }
        return out;
    }

    /** A parsed regex. */
    private interface Node {
        /** The match's prefixes of at most k characters (an empty match is ("", closed)). */
        Set<Prefix> prefixes(int k);

        /** Literals one of which every match contains; null if unknown. */
        Set<String> required();

        /** Every text a match can be, when they are few ({@link #MAX_EXACT}); null otherwise. */
        Set<String> exact();
    }

    /** A literal this long is a selective test: a longer one is not worth looking for more literals. */
    private static final int LONG_ENOUGH = 6;
    /** The most texts {@link Node#exact} lists, and the most a sequence's literals combine into. */
    private static final int MAX_EXACT = 64;

    /** Each text of {@code a} followed by each of {@code b}; null when there would be too many. */
    private static Set<String> cross(Set<String> a, Set<String> b) {
        if ((long) a.size() * b.size() > MAX_EXACT) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String x : a) {
            for (String y : b) {
                out.add(x + y);
            }
        }
        return out;
    }

    private static final Set<Prefix> EMPTY = Set.of(new Prefix("", false));
    private static final Set<Prefix> ANY = Set.of(new Prefix("", true));

    /** One character. */
    private record Literal(char c) implements Node {
        @Override
        public Set<Prefix> prefixes(int k) {
            return Set.of(new Prefix(String.valueOf(lower(c)), false));
        }

        @Override
        public Set<String> required() {
            return Set.of(String.valueOf(lower(c)));
        }

        @Override
        public Set<String> exact() {
            return required();
        }
    }

    /** Text not known: a class, a dot, a back-reference. */
    private record Any() implements Node {
        @Override
        public Set<Prefix> prefixes(int k) {
            return ANY;
        }

        @Override
        public Set<String> required() {
            return null;
        }

        @Override
        public Set<String> exact() {
            return null;
        }
    }

    /** Zero-width: a boundary, an anchor, a look-around. */
    private record ZeroWidth() implements Node {
        @Override
        public Set<Prefix> prefixes(int k) {
            return EMPTY;
        }

        @Override
        public Set<String> required() {
            return null;
        }

        @Override
        public Set<String> exact() {
            return Set.of("");
        }
    }

    private record Sequence(List<Node> items) implements Node {
        @Override
        public Set<Prefix> prefixes(int k) {
            Set<Prefix> acc = EMPTY;
            for (Node n : items) {
                acc = concat(acc, n.prefixes(k), k);
            }
            return acc;
        }

        /**
         * The best of its items' literals, where runs of items with few texts each (characters,
         * small alternatives, optional words; zero-width items between them) combine into the
         * texts the run can be: "the (?:fall|capture) of" gives "the fall of" and "the capture of".
         */
        @Override
        public Set<String> required() {
            Set<String> best = null;
            Set<String> run = Set.of("");
            for (Node n : items) {
                Set<String> e = n.exact();
                Set<String> joined = e == null ? null : cross(run, e);
                if (joined != null) {
                    run = joined;
                    best = better(best, run); // every step of a run is a test of its own: the best one is kept
                    continue;
                }
                best = better(best, run);
                if (e != null) {
                    run = e; // too many texts joined: a new run starts here
                } else {
                    best = better(best, n.required());
                    run = Set.of("");
                }
            }
            return better(best, run);
        }

        @Override
        public Set<String> exact() {
            Set<String> out = Set.of("");
            for (Node n : items) {
                Set<String> e = n.exact();
                out = e == null ? null : cross(out, e);
                if (out == null) {
                    return null;
                }
            }
            return out;
        }

        /**
         * The better test of two sets: the longer shortest literal (up to {@link #LONG_ENOUGH}
         * characters, rare enough in text), then fewer literals to look for, then longer ones.
         */
        private static Set<String> better(Set<String> a, Set<String> b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            int la = Math.min(LONG_ENOUGH, a.stream().mapToInt(String::length).min().orElse(0));
            int lb = Math.min(LONG_ENOUGH, b.stream().mapToInt(String::length).min().orElse(0));
            if (la != lb) {
                return la > lb ? a : b;
            }
            int na = minimal(a).size();
            int nb = minimal(b).size();
            if (na != nb) {
                return nb < na ? b : a;
            }
            return b.stream().mapToInt(String::length).min().orElse(0) > a.stream().mapToInt(String::length).min().orElse(0) ? b : a;
        }
    }

    private record Alternatives(List<Node> alts) implements Node {
        @Override
        public Set<Prefix> prefixes(int k) {
            Set<Prefix> out = new LinkedHashSet<>();
            for (Node n : alts) {
                out.addAll(n.prefixes(k));
                if (out.size() > MAX_PREFIXES) {
                    throw new TooMany();
                }
            }
            return out;
        }

        @Override
        public Set<String> required() {
            Set<String> out = new LinkedHashSet<>();
            for (Node n : alts) {
                Set<String> r = n.required();
                if (r == null) {
                    return null;
                }
                out.addAll(r);
            }
            return out;
        }

        @Override
        public Set<String> exact() {
            Set<String> out = new LinkedHashSet<>();
            for (Node n : alts) {
                Set<String> e = n.exact();
                if (e == null) {
                    return null;
                }
                out.addAll(e);
                if (out.size() > MAX_EXACT) {
                    return null;
                }
            }
            return out;
        }
    }

    private record Repeat(Node node, int min, int max) implements Node {
        @Override
        public Set<Prefix> prefixes(int k) {
            if (max == 0) {
                return EMPTY;
            }
            Set<Prefix> once = node.prefixes(k);
            Set<Prefix> out = new LinkedHashSet<>();
            if (max == 1) {
                out.addAll(once);
            } else {
                for (Prefix p : once) {
                    out.add(new Prefix(p.text, true)); // what the further repetitions add is not followed
                }
            }
            if (min == 0) {
                out.addAll(EMPTY);
            }
            return out;
        }

        @Override
        public Set<String> required() {
            return min >= 1 ? node.required() : null;
        }

        /** Optional items ({@code ?}) only: other repetitions match too many texts. */
        @Override
        public Set<String> exact() {
            if (max != 1) {
                return max == 0 ? Set.of("") : null;
            }
            Set<String> e = node.exact();
            if (e == null || min == 1) {
                return e;
            }
            Set<String> out = new LinkedHashSet<>();
            out.add("");
            out.addAll(e);
            return out.size() > MAX_EXACT ? null : out;
        }
    }

    /** A recursive-descent reader of Java regex syntax, as much as the finders' patterns use. */
    private static final class Parser {
        final String re;
        int pos;

        Parser(String re) {
            this.re = re;
        }

        Node alternatives() {
            List<Node> alts = new ArrayList<>();
            while (true) {
                alts.add(sequence());
                if (pos < re.length() && re.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                return alts.size() == 1 ? alts.get(0) : new Alternatives(alts);
            }
        }

        Node sequence() {
            List<Node> items = new ArrayList<>();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                if (re.startsWith("\\Q", pos)) {
                    int end = re.indexOf("\\E", pos + 2);
                    String lit = end < 0 ? re.substring(pos + 2) : re.substring(pos + 2, end);
                    pos = end < 0 ? re.length() : end + 2;
                    for (int i = 0; i < lit.length(); i++) {
                        items.add(new Literal(lit.charAt(i)));
                    }
                    continue; // a quantifier after \E applies to the last character only
                }
                Node atom = atom();
                items.add(quantified(atom));
            }
            return items.size() == 1 ? items.get(0) : new Sequence(items);
        }

        /** The atom with the quantifier that follows it, if any. */
        Node quantified(Node atom) {
            if (pos >= re.length()) {
                return atom;
            }
            char c = re.charAt(pos);
            int min;
            int max;
            if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '{') {
                int close = re.indexOf('}', pos);
                String body = re.substring(pos + 1, close);
                int comma = body.indexOf(',');
                min = Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).strip());
                max = comma < 0 ? min : body.substring(comma + 1).isBlank() ? Integer.MAX_VALUE
                        : Integer.parseInt(body.substring(comma + 1).strip());
                pos = close + 1;
            } else {
                return atom;
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same texts match, or fewer
            }
            return new Repeat(atom, min, max);
        }

        Node atom() {
            char c = re.charAt(pos);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    skipClass();
                    return new Any();
                case '.':
                    pos++;
                    return new Any();
                case '^', '$':
                    pos++;
                    return new ZeroWidth();
                case '\\':
                    return escape();
                case '*', '+', '?', '{':
                    throw new IllegalArgumentException("dangling quantifier at " + pos);
                default:
                    pos++;
                    return new Literal(c);
            }
        }

        Node group() {
            pos++; // '('
            boolean zeroWidth = false;
            if (re.startsWith("?", pos)) {
                if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
                    pos += 2;
                } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                    pos += 2;
                    zeroWidth = true;
                } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                    pos += 3;
                    zeroWidth = true;
                } else if (re.startsWith("?<", pos)) {
                    pos = re.indexOf('>', pos) + 1; // a named group
                } else {
                    // inline flags: (?i) (?-i) (?i:...) (?-i:...)
                    int end = pos + 1;
                    while (end < re.length() && (Character.isLetter(re.charAt(end)) || re.charAt(end) == '-')) {
                        end++;
                    }
                    String flags = re.substring(pos + 1, end);
                    if (end >= re.length() || flags.isEmpty() || !flags.matches("-?[imsd]+(?:-[imsd]+)?")) {
                        throw new IllegalArgumentException("flags not understood at " + pos);
                    }
                    pos = end;
                    if (re.charAt(pos) == ')') {
                        pos++;
                        return new ZeroWidth();
                    }
                    if (re.charAt(pos) != ':') {
                        throw new IllegalArgumentException("flags not understood at " + pos);
                    }
                    pos++;
                }
            }
            Node inner = alternatives();
            if (pos >= re.length() || re.charAt(pos) != ')') {
                throw new IllegalArgumentException("unbalanced group");
            }
            pos++;
            return zeroWidth ? new ZeroWidth() : inner;
        }

        Node escape() {
            char e = re.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case 't':
                    return new Literal('\t');
                case 'n':
                    return new Literal('\n');
                case 'r':
                    return new Literal('\r');
                case 'f':
                    return new Literal('\f');
                case 'b', 'B', 'A', 'z', 'Z', 'G':
                    return new ZeroWidth();
                case 'p', 'P':
                    if (pos < re.length() && re.charAt(pos) == '{') {
                        pos = re.indexOf('}', pos) + 1;
                    } else {
                        pos++;
                    }
                    return new Any();
                case 'k':
                    pos = re.indexOf('>', pos) + 1;
                    return new Any();
                case 'u':
                    char u = (char) Integer.parseInt(re.substring(pos, pos + 4), 16);
                    pos += 4;
                    return new Literal(u);
                case 'x', 'c', '0', 'N':
                    throw new IllegalArgumentException("escape not understood at " + pos);
                default:
                    if (Character.isLetterOrDigit(e)) {
                        return new Any(); // \d \w \s \h \v \R \X, back-references \1...
                    }
                    return new Literal(e);
            }
        }

        /** Skips a character class, nested classes, escapes and a leading ']' included. */
        void skipClass() {
            int depth = 0;
            int start = pos;
            while (pos < re.length()) {
                char c = re.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    pos++;
                    if (pos < re.length() && re.charAt(pos) == '^') {
                        pos++;
                    }
                    if (pos < re.length() && re.charAt(pos) == ']') {
                        pos++; // a literal ']' first in the class
                    }
                    continue;
                }
                if (c == ']') {
                    depth--;
                    pos++;
                    if (depth == 0) {
                        return;
                    }
                    continue;
                }
                pos++;
            }
            throw new IllegalArgumentException("unclosed class at " + start);
        }
    }
}
