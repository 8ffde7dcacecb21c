package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * A bulk loader stage that fails, as TDB2's stages do on a full disk, while the caller feeds it
 * through a bounded queue: the caller gets the failure as one {@link StoreException} instead of
 * waiting forever, and {@link BulkLoad#discard} leaves no loader thread running.
 */
class BulkLoadWatchTest {

    /** How the stage fails at its third quad. */
    enum Failure {
        /** An error it does not catch: a memory-mapped write into a full disk. */
        DIES("no space left on the disk"),
        /** An exception it catches, logs at ERROR and stops on, as TDB2's stages do. */
        LOGS_AND_STOPS("no space left on the disk"),
        /** It just ends, saying nothing. */
        ENDS("stopped");

        final String message;

        Failure(String message) {
            this.message = message;
        }
    }

    /** A one-stage loader shaped like TDB2's: a thread fed by a bounded queue, finishBulk waits for it. */
    static final class StageLoader implements DataLoader {
        static final Quad END = Quad.create(Quad.defaultGraphIRI, NodeFactory.createBlankNode(), NodeFactory.createBlankNode(),
                NodeFactory.createBlankNode());
        final ArrayBlockingQueue<Quad> queue = new ArrayBlockingQueue<>(2);
        final Semaphore done = new Semaphore(0);
        final Failure failure;
        volatile Thread stage;

        StageLoader(Failure failure) {
            this.failure = failure;
        }

        @Override
        public void startBulk() {
            stage = new Thread(this::work, "test-stage");
            stage.start();
        }

        private void work() {
            try {
                for (int n = 0; ; n++) {
                    Quad q = queue.take();
                    if (q == END) {
                        break;
                    }
                    if (n == 3) {
                        switch (failure) {
                            case DIES -> throw new InternalError("a fault occurred in an unsafe memory access operation");
                            case LOGS_AND_STOPS -> {
                                LoggerFactory.getLogger("org.apache.jena.tdb2.loader.main.DataToTuples").error(
                                        "Exception during data loading",
                                        new RuntimeIOException(new IOException("No space left on device")));
                                done.release();
                                return;
                            }
                            case ENDS -> {
                                return;
                            }
                        }
                    }
                }
            } catch (InterruptedException ex) {
                return;
            }
            done.release();
        }

        @Override
        public void finishBulk() {
            try {
                queue.put(END);
                done.acquire();
            } catch (InterruptedException ex) {
                throw new RuntimeException(ex);
            }
        }

        @Override
        public void finishException(Exception ex) {
        }

        @Override
        public StreamRDF stream() {
            return new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    try {
                        queue.put(q);
                    } catch (InterruptedException ex) {
                        throw new RuntimeException("interrupted", ex);
                    }
                }

                @Override
                public void triple(Triple t) {
                    quad(Quad.create(Quad.defaultGraphIRI, t));
                }
            };
        }

        @Override
        public void load(List<String> filenames) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void loadFromInputStream(String baseURI, InputStream input, Lang lang) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countTriples() {
            return 0;
        }

        @Override
        public long countQuads() {
            return 0;
        }
    }

    static Quad quad(int i) {
        return Quad.create(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"),
                NodeFactory.createURI("urn:o"));
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedStageStopsTheLoadInsteadOfHangingIt(Failure failure) throws Exception {
        StageLoader loader = new StageLoader(failure);
        BulkLoad bulk = new BulkLoad(TdbStores.createInMemory(), null, d -> loader);
        assertThatThrownBy(() -> {
            bulk.run(() -> {
                for (int i = 0; i < 1000; i++) {
                    bulk.send(quad(i));
                }
            });
            bulk.finish();
        }).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("bulk load failed: ")
                .hasMessageContaining(failure.message)
                .satisfies(ex -> assertThat(((StoreException) ex).fatal()).isTrue());
        bulk.discard();
        loader.stage.join(10_000);
        assertThat(loader.stage.isAlive()).as("the stage thread is stopped").isFalse();
    }

    @org.junit.jupiter.api.Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHealthyStageLoadsAndFinishes() throws InterruptedException {
        StageLoader loader = new StageLoader(null);
        BulkLoad bulk = new BulkLoad(TdbStores.createInMemory(), null, d -> loader);
        bulk.run(() -> {
            for (int i = 0; i < 3; i++) {
                bulk.send(quad(i));
            }
        });
        bulk.finish();
        loader.stage.join(10_000);
        assertThat(loader.stage.isAlive()).isFalse();
    }
}
