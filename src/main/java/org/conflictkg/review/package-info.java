/**
 * Reviews of drafted facts: {@link org.conflictkg.review.ReviewReport} compares the drafts of a
 * review folder with their reviewed documents and scores the drafts (precision and recall per
 * kind of fact, per war, per confidence band). See docs/review.md.
 *
 * <p>May use: {@code facts}, {@code extract}, {@code gazetteer} and the base layer.
 */
package org.conflictkg.review;
