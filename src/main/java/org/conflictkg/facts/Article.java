package org.conflictkg.facts;

import java.util.List;

/** The article a facts document describes. {@code id} is a stable slug that names its graph. */
public record Article(String id, String title, String publisher, ReducedDate published, String url,
                      String language, List<String> credits, String text) {
}
