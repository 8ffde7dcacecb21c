package org.conflictkg.link;

import org.conflictkg.ConflictKgException;

/** A failure of the link stage that is not the gazetteer's: for example the Wikidata endpoint. */
public final class LinkException extends ConflictKgException {

    private LinkException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Something other than the input failed; {@code cause} is kept for --verbose traces. */
    public static LinkException failure(String message, Throwable cause) {
        return new LinkException(message, cause);
    }
}
