package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A list of mentions that knows whether it is in text order (by start) and how long its longest
 * mention is, so that {@link MentionLib#within} and {@link MentionLib#overlapsAny} answer by binary
 * search instead of a scan: asked once per sentence or per pattern match, a scan made the stages
 * quadratic in the length of an article. The order is checked on every insertion; a list put out of
 * order is answered by a scan, as any other list.
 */
final class SortedMentions extends ArrayList<Mention> {
    private boolean sorted = true;
    private int maxLength;

    SortedMentions() {
    }

    /** The mentions of {@code c}, in their order. */
    SortedMentions(Collection<Mention> c) {
        addAll(c);
    }

    boolean isSorted() {
        return sorted;
    }

    int maxLength() {
        return maxLength;
    }

    private void check(int i) {
        Mention m = get(i);
        maxLength = Math.max(maxLength, m.span().length());
        if (i > 0 && get(i - 1).start() > m.start() || i + 1 < size() && m.start() > get(i + 1).start()) {
            sorted = false;
        }
    }

    @Override
    public boolean add(Mention m) {
        super.add(m);
        check(size() - 1);
        return true;
    }

    @Override
    public void add(int index, Mention m) {
        super.add(index, m);
        check(index);
    }

    @Override
    public Mention set(int index, Mention m) {
        Mention old = super.set(index, m);
        check(index);
        return old;
    }

    @Override
    public boolean addAll(Collection<? extends Mention> c) {
        for (Mention m : c) {
            add(m);
        }
        return !c.isEmpty();
    }

    @Override
    public boolean addAll(int index, Collection<? extends Mention> c) {
        int i = index;
        for (Mention m : c) {
            add(i++, m);
        }
        return !c.isEmpty();
    }

    @Override
    public void sort(Comparator<? super Mention> c) {
        super.sort(c);
        recheck();
    }

    @Override
    public void replaceAll(java.util.function.UnaryOperator<Mention> operator) {
        super.replaceAll(operator);
        recheck();
    }

    @Override
    public List<Mention> subList(int from, int to) {
        sorted = false; // changes through a view are not checked
        return super.subList(from, to);
    }

    private void recheck() {
        sorted = true;
        for (int i = 0; i < size(); i++) {
            check(i);
        }
    }

    /** The index of the first mention starting at or after {@code pos} (the list in order). */
    int firstStartingAtOrAfter(int pos) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (get(mid).start() < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
