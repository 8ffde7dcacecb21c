package org.conflictkg.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * Who reviewed a drafted document and when: the optional top-level {@code review} object of a
 * facts document. {@code draft}, when given, is the file name of the draft the review started
 * from, kept beside the document (a plain file name: no folder, not {@code .} or {@code ..}).
 */
public record Review(String reviewer, Instant reviewedAt, String draft) {

    public Review {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review needs a reviewer");
        }
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        if (draft != null && !isPlainFileName(draft)) {
            throw new IllegalArgumentException("not a plain file name: " + draft);
        }
    }

    /** A review without a kept draft. */
    public Review(String reviewer, Instant reviewedAt) {
        this(reviewer, reviewedAt, null);
    }

    /** Whether {@code name} names a file in the same folder: not empty, no separator, not {@code .} or {@code ..}. */
    public static boolean isPlainFileName(String name) {
        return !name.isBlank() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0;
    }
}
