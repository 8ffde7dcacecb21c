package org.conflictkg.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives the problems a reader finds. Finding a problem is the reader's job; deciding what to
 * do about it (collect, print, stop) is the handler's.
 */
@FunctionalInterface
public interface ProblemHandler {
    void report(Problem problem);

    /** A handler that keeps every problem, in order. */
    static Collecting collecting() {
        return new Collecting();
    }

    /** Collects problems; {@link #hasErrors()} tells whether any was an error. */
    final class Collecting implements ProblemHandler {
        private final List<Problem> problems = new ArrayList<>();

        @Override
        public void report(Problem problem) {
            problems.add(problem);
        }

        public List<Problem> problems() {
            return List.copyOf(problems);
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }
}
