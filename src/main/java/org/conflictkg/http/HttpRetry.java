package org.conflictkg.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * How a request to a remote endpoint is retried: the one retry policy of the project (Graph
 * Store loads, Wikidata look-ups), on Failsafe. A request is tried up to {@link #attempts()}
 * times in all; between tries the wait starts at {@link #firstWait()} and doubles, up to
 * {@link #maxWait()}. Only transient failures are tried again ({@link #isTransient}): no answer
 * (I/O errors, timeouts), 408, 429, and 5xx but 501. Any other status fails at once.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>default</th></tr>
 * <tr><td>{@link Builder#attempts attempts}, the first included</td><td>{@value #DEFAULT_ATTEMPTS}</td></tr>
 * <tr><td>{@link Builder#firstWait firstWait}</td><td>500 ms ({@link #DEFAULT_FIRST_WAIT})</td></tr>
 * <tr><td>{@link Builder#maxWait maxWait}</td><td>30 s ({@link #DEFAULT_MAX_WAIT})</td></tr>
 * </table>
 *
 * <pre>{@code
 * HttpRetry retry = HttpRetry.create().attempts(3).firstWait(Duration.ofSeconds(2)).build();
 * Graph g = retry.call(() -> GSP.service(url).defaultGraph().GET());
 * }</pre>
 */
public final class HttpRetry {
    /** Attempts in all, when none are given. */
    public static final int DEFAULT_ATTEMPTS = 5;
    /** The wait before the second attempt, when none is given. */
    public static final Duration DEFAULT_FIRST_WAIT = Duration.ofMillis(500);
    /** The longest wait between attempts, when none is given. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

    /** The request failed for good: after {@link #attempts()} tries, the last with {@link #status()}. */
    public static final class Failed extends RuntimeException {
        private final int attempts;
        private final int status;

        Failed(RuntimeException last, int attempts) {
            super(Objects.toString(last.getMessage(), last.getClass().getSimpleName()), last);
            this.attempts = attempts;
            this.status = statusOf(last);
        }

        /** How many times the request was sent. */
        public int attempts() {
            return attempts;
        }

        /** The HTTP status of the last answer; 0 or less when there was none. */
        public int status() {
            return status;
        }
    }

    private final int attempts;
    private final Duration firstWait;
    private final Duration maxWait;

    private HttpRetry(Builder b) {
        this.attempts = b.attempts;
        this.firstWait = b.firstWait;
        this.maxWait = b.maxWait;
    }

    public static Builder create() {
        return new Builder();
    }

    /** The defaults: {@value #DEFAULT_ATTEMPTS} attempts, waits from 500 ms doubling up to 30 s. */
    public static HttpRetry defaults() {
        return create().build();
    }

    /** Settings, with their defaults. */
    public static final class Builder {
        private int attempts = DEFAULT_ATTEMPTS;
        private Duration firstWait = DEFAULT_FIRST_WAIT;
        private Duration maxWait = DEFAULT_MAX_WAIT;

        /** Times a request is sent at most, the first included (at least 1). */
        public Builder attempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            this.attempts = attempts;
            return this;
        }

        /** The wait before the second attempt; doubled before each further one. */
        public Builder firstWait(Duration wait) {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("the wait must not be negative");
            }
            this.firstWait = wait;
            return this;
        }

        /** The longest wait between two attempts. */
        public Builder maxWait(Duration wait) {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("the wait must not be negative");
            }
            this.maxWait = wait;
            return this;
        }

        public HttpRetry build() {
            return new HttpRetry(this);
        }
    }

    public int attempts() {
        return attempts;
    }

    public Duration firstWait() {
        return firstWait;
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** Whether a failure with this status is worth another try: no answer (0 or less), 408, 429, 5xx but 501. */
    public static boolean isTransient(int status) {
        return status <= 0 || status == 408 || status == 429 || (status >= 500 && status != 501);
    }

    /** The HTTP status of a failed request; 0 when it had no answer or is not an HTTP failure. */
    public static int statusOf(RuntimeException e) {
        if (e instanceof HttpException h) {
            return Math.max(0, h.getStatusCode());
        }
        if (e instanceof QueryExceptionHTTP q) {
            return Math.max(0, q.getStatusCode());
        }
        return 0;
    }

    /** As {@link #call}, for a request without a result. */
    public void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    /**
     * Sends {@code request} until it succeeds, fails with a status that is not transient, or
     * the attempts are used up. HTTP failures end as {@link Failed}; anything else the request
     * throws is rethrown at once, as it was.
     */
    public <T> T call(Supplier<T> request) {
        int[] tries = {0};
        RetryPolicyBuilder<T> policy = RetryPolicy.<T>builder()
                .handleIf(e -> isHttp(e) && isTransient(statusOf((RuntimeException) e)))
                .withMaxAttempts(attempts);
        if (firstWait.isZero() || firstWait.compareTo(maxWait) >= 0) {
            policy.withDelay(firstWait.compareTo(maxWait) > 0 ? maxWait : firstWait);
        } else {
            policy.withBackoff(firstWait, maxWait);
        }
        try {
            return Failsafe.with(policy.build()).get(() -> {
                tries[0]++;
                return request.get();
            });
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e;
        } catch (RuntimeException e) {
            if (isHttp(e)) {
                throw new Failed(e, tries[0]);
            }
            throw e;
        }
    }

    private static boolean isHttp(Throwable e) {
        return e instanceof HttpException || e instanceof QueryExceptionHTTP;
    }
}
