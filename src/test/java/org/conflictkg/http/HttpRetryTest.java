package org.conflictkg.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.atlas.web.HttpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpRetryTest {
    static final HttpRetry QUICK = HttpRetry.create().attempts(3).firstWait(Duration.ofMillis(1)).maxWait(Duration.ofMillis(4)).build();

    @ParameterizedTest(name = "HTTP {0}: transient {1}")
    @CsvSource({"-1, true", "0, true", "408, true", "429, true", "500, true", "502, true", "503, true", "599, true",
            "501, false", "400, false", "401, false", "403, false", "404, false", "405, false", "415, false"})
    void transientStatuses(int status, boolean expected) {
        assertThat(HttpRetry.isTransient(status)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "HTTP {0}: {1} attempt(s)")
    @CsvSource({"503, 3", "429, 3", "-1, 3", "404, 1", "401, 1", "501, 1"})
    void aFailingRequestIsSentAsOftenAsItsStatusAllows(int status, int attempts) {
        AtomicInteger sent = new AtomicInteger();
        assertThatThrownBy(() -> QUICK.run(() -> {
            sent.incrementAndGet();
            throw new HttpException(status, "status " + status, null);
        })).isInstanceOfSatisfying(HttpRetry.Failed.class, f -> {
            assertThat(f.attempts()).isEqualTo(attempts);
            assertThat(f.status()).isEqualTo(Math.max(0, status));
            assertThat(f.getCause()).isInstanceOf(HttpException.class);
        });
        assertThat(sent).hasValue(attempts);
    }

    @Test
    void aRequestThatSucceedsOnRetryReturnsItsResult() {
        AtomicInteger sent = new AtomicInteger();
        String r = QUICK.call(() -> {
            if (sent.incrementAndGet() < 3) {
                throw new HttpException(502, "bad gateway", null);
            }
            return "ok";
        });
        assertThat(r).isEqualTo("ok");
        assertThat(sent).hasValue(3);
    }

    @Test
    void otherExceptionsAreNotRetriedAndPassAsTheyWere() {
        AtomicInteger sent = new AtomicInteger();
        assertThatThrownBy(() -> QUICK.run(() -> {
            sent.incrementAndGet();
            throw new IllegalStateException("a bug, not the network");
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("a bug, not the network");
        assertThat(sent).hasValue(1);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        HttpRetry d = HttpRetry.defaults();
        assertThat(d.attempts()).isEqualTo(HttpRetry.DEFAULT_ATTEMPTS).isEqualTo(5);
        assertThat(d.firstWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(d.maxWait()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> HttpRetry.create().attempts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
