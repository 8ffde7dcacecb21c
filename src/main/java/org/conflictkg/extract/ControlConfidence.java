package org.conflictkg.extract;

import org.conflictkg.facts.Status;

/**
 * The confidence of a drafted control change, in [0,1]: how sure extraction is that the statement
 * reports that change as drafted. It starts high for a completed change whose gainer, place and date
 * the sentence names, and falls for each part that had to be inferred: a gainer taken from the rest
 * of the article, a place that is an anaphor or outside the gazetteer, a date assumed from the
 * publication, a loser left unknown, a status short of completed. Calibrated on real reporting (see
 * docs/extraction.md, precision per confidence band).
 */
public final class ControlConfidence {
    private ControlConfidence() {
    }

    static double of(Status status, boolean namedGainer, boolean inGazetteer, boolean namedPlace, boolean datedInText,
                     boolean inferredDate, boolean knownLoser, boolean sourced) {
        double c = 0.9;
        if (!namedGainer) {
            c -= 0.2;
        }
        if (!inGazetteer) {
            c -= 0.1;
        }
        if (!namedPlace) {
            c -= 0.15;
        }
        if (inferredDate) {
            c -= 0.1;
        } else if (!datedInText) {
            c -= 0.2;
        }
        if (!knownLoser) {
            c -= 0.05;
        }
        if (status != Status.COMPLETED) {
            c -= 0.1;
        }
        if (sourced) {
            c += 0.05;
        }
        return round(c);
    }

    /** Two statements of one change: the surer one, a little surer for being repeated. */
    static double merged(double a, double b) {
        return round(Math.max(a, b) + 0.05);
    }

    static double round(double c) {
        return Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100.0;
    }
}
