package org.conflictkg.facts;

/** A span of the article body that states a fact: code point offsets, end exclusive. */
public record Evidence(String quote, int start, int end) {
}
