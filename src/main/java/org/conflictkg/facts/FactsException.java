package org.conflictkg.facts;

import java.util.List;

import org.conflictkg.ConflictKgException;

/** A facts document is malformed or inconsistent. Carries every error found, not only the first. */
public class FactsException extends ConflictKgException {
    private final List<Problem> problems;

    public FactsException(List<Problem> problems) {
        super(summary(problems), null, BAD_INPUT);
        this.problems = List.copyOf(problems);
    }

    public FactsException(Problem problem) {
        this(List.of(problem));
    }

    /** The errors, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            return "invalid facts";
        }
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more errors)";
    }
}
