package org.conflictkg.extract;

import org.conflictkg.facts.DateSpec;

/**
 * A date expression and what it means given the publication date. {@code spec} is the whole
 * meaning ("since 2012" is 2012..publication); {@link #point()} is when the thing it dates
 * happened ("since March, when the army recaptured it": March).
 */
public record DateMention(Span span, String text, DateSpec spec, boolean since) {

    public DateSpec point() {
        return since ? DateSpec.single(spec.from()) : spec;
    }
}
