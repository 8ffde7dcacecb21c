package org.conflictkg.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The lower-case characters a match of a simple regex can start with, so a finder can skip
 * positions where it cannot match. Understands literals, escapes, groups with alternatives,
 * optional items ({@code ?}, {@code *}) and zero-width look-arounds; anything else (character
 * classes, dots) gives null: "could start anywhere".
 */
final class RegexFirstChars {
    private final String re;
    private int pos;

    private RegexFirstChars(String re) {
        this.re = re;
    }

    /** First characters of a match of {@code regex}, lower-cased; null if unknown. */
    static Set<Character> of(String regex) {
        try {
            RegexFirstChars p = new RegexFirstChars(regex);
            Result r = p.alternatives();
            return r == null || r.canBeEmpty || p.pos != regex.length() ? null : r.chars;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Result(Set<Character> chars, boolean canBeEmpty) {
    }

    /** alt ('|' alt)* up to ')' or end. */
    private Result alternatives() {
        Set<Character> chars = new HashSet<>();
        boolean empty = false;
        while (true) {
            Result r = sequence();
            if (r == null) {
                return null;
            }
            chars.addAll(r.chars);
            empty |= r.canBeEmpty;
            if (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                continue;
            }
            return new Result(chars, empty);
        }
    }

    /** items until '|' or ')' : the first chars of the first non-optional item, plus optional ones before it. */
    private Result sequence() {
        Set<Character> chars = new HashSet<>();
        boolean decided = false;
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            Result item = item();
            if (item == null) {
                return null;
            }
            boolean optional = item.canBeEmpty;
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '*')) {
                optional = true;
                pos++;
            } else if (pos < re.length() && re.charAt(pos) == '+') {
                pos++;
            } else if (pos < re.length() && re.charAt(pos) == '{') {
                int close = re.indexOf('}', pos);
                optional |= re.substring(pos + 1, close).startsWith("0");
                pos = close + 1;
            }
            if (!decided) {
                chars.addAll(item.chars);
                if (!optional) {
                    decided = true;
                }
            }
        }
        return new Result(chars, !decided);
    }

    private Result item() {
        char c = re.charAt(pos);
        if (c == '(') {
            if (re.startsWith("(?:", pos)) {
                pos += 3;
            } else if (re.startsWith("(?=", pos) || re.startsWith("(?!", pos) || re.startsWith("(?<=", pos)
                    || re.startsWith("(?<!", pos)) {
                skipGroup();
                return new Result(Set.of(), true);
            } else if (re.startsWith("(?-i:", pos)) {
                pos += 5;
            } else if (re.startsWith("(?<", pos)) {
                pos = re.indexOf('>', pos) + 1;
            } else if (re.startsWith("(?", pos)) {
                return null;
            } else {
                pos++;
            }
            Result inner = alternatives();
            if (inner == null || pos >= re.length() || re.charAt(pos) != ')') {
                return null;
            }
            pos++;
            return inner;
        }
        if (c == '\\') {
            char e = re.charAt(pos + 1);
            if (e == 'Q') {
                int end = re.indexOf("\\E", pos);
                String lit = re.substring(pos + 2, end);
                pos = end + 2;
                return lit.isEmpty() ? new Result(Set.of(), true) : new Result(Set.of(lower(lit.charAt(0))), false);
            }
            pos += 2;
            if (e == 'b' || e == 'B') {
                return new Result(Set.of(), true);
            }
            if (Character.isLetterOrDigit(e)) {
                return null; // \d, \w, \s, \p...
            }
            return new Result(Set.of(e), false);
        }
        if (c == '[' || c == '.' || c == '^' || c == '$') {
            return null;
        }
        pos++;
        return new Result(Set.of(lower(c)), false);
    }

    /** Skips a parenthesised group whatever it holds (escapes and character classes included). */
    private void skipGroup() {
        int depth = 0;
        boolean inClass = false;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    pos++;
                    return;
                }
            }
            pos++;
        }
        throw new IllegalArgumentException("unbalanced group");
    }

    private static char lower(char c) {
        return String.valueOf(c).toLowerCase(Locale.ROOT).charAt(0);
    }
}
