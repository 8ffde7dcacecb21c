package org.conflictkg.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderedPipelineTest {

    /** A task that takes a random short while, so that later tasks often finish first. */
    static int slowly(int i, Random random) {
        LockSupport.parkNanos(random.nextInt(200_000));
        return i * i;
    }

    static final List<Integer> SQUARES = IntStream.range(0, 300).map(i -> i * i).boxed().toList();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void submitAndTakeGiveResultsInSubmissionOrder(int workers) {
        Random random = new Random(workers);
        List<Integer> out = new ArrayList<>();
        try (OrderedPipeline<Integer> p = OrderedPipeline.<Integer>create().workers(workers).build()) {
            for (int i = 0; i < 300; i++) {
                int n = i;
                p.submit(() -> slowly(n, random));
                while (p.pending() > 8) {
                    out.add(p.take());
                }
            }
            while (p.pending() > 0) {
                out.add(p.take());
            }
        }
        assertThat(out).isEqualTo(SQUARES);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void runGivesResultsInSubmissionOrderWithinTheWindow(int workers) {
        Random random = new Random(workers);
        List<Integer> out = new ArrayList<>();
        try (OrderedPipeline<Integer> p = OrderedPipeline.<Integer>create().workers(workers).window(3).build()) {
            p.run(tasks -> {
                for (int i = 0; i < 300; i++) {
                    int n = i;
                    tasks.submit(() -> slowly(n, random));
                }
            }, out::add);
        }
        assertThat(out).isEqualTo(SQUARES);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aFailedTaskIsRethrownAsItWasAfterTheResultsBeforeIt(int workers) {
        List<Integer> out = new ArrayList<>();
        try (OrderedPipeline<Integer> p = OrderedPipeline.<Integer>create().workers(workers).build()) {
            assertThatThrownBy(() -> p.run(tasks -> {
                for (int i = 0; i < 50; i++) {
                    int n = i;
                    tasks.submit(() -> {
                        if (n == 20) {
                            throw new IllegalArgumentException("task 20 failed");
                        }
                        return n;
                    });
                }
            }, out::add)).isInstanceOf(IllegalArgumentException.class).hasMessage("task 20 failed");
        }
        assertThat(out).isEqualTo(IntStream.range(0, 20).boxed().toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aFailingSourceIsRethrownAfterWhatItSubmitted(int workers) {
        List<Integer> out = new ArrayList<>();
        try (OrderedPipeline<Integer> p = OrderedPipeline.<Integer>create().workers(workers).build()) {
            assertThatThrownBy(() -> p.run(tasks -> {
                tasks.submit(() -> 1);
                tasks.submit(() -> 2);
                throw new IllegalStateException("cannot read the third");
            }, out::add)).isInstanceOf(IllegalStateException.class).hasMessage("cannot read the third");
        }
        assertThat(out).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aFailingConsumerStopsTheSource(int workers) throws InterruptedException {
        int[] submitted = {0};
        try (OrderedPipeline<Integer> p = OrderedPipeline.<Integer>create().workers(workers).window(2).build()) {
            assertThatThrownBy(() -> p.run(tasks -> {
                for (int i = 0; i < 1_000_000; i++) {
                    int n = i;
                    tasks.submit(() -> n);
                    submitted[0]++;
                }
            }, n -> {
                if (n == 5) {
                    throw new IllegalStateException("consumer gone");
                }
            })).hasMessage("consumer gone");
        }
        Thread.sleep(50);
        assertThat(submitted[0]).isLessThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void settingsAreChecked(int n) {
        assertThatThrownBy(() -> OrderedPipeline.create().workers(n)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderedPipeline.create().window(n)).isInstanceOf(IllegalArgumentException.class);
    }
}
