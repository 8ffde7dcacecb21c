package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.tdb2.params.StoreParams;
import org.junit.jupiter.api.Test;

/** TDB2's node caches are sized to the heap, so that a small heap is not filled by them. */
class TdbStoreParamsTest {

    @Test
    void aLargeHeapKeepsTdb2sDefaultNodeCaches() {
        StoreParams dft = StoreParams.getDftStoreParams();
        StoreParams p = TdbStores.storeParams(8L << 30);
        assertThat(p.getNodeId2NodeCacheSize()).isEqualTo(dft.getNodeId2NodeCacheSize());
        assertThat(p.getNode2NodeIdCacheSize()).isEqualTo(dft.getNode2NodeIdCacheSize());
    }

    @Test
    void aSmallHeapGetsProportionallySmallerNodeCachesAndTheSameIndexes() {
        StoreParams dft = StoreParams.getDftStoreParams();
        StoreParams half = TdbStores.storeParams(1L << 30);
        StoreParams small = TdbStores.storeParams(512L << 20);
        assertThat(small.getNodeId2NodeCacheSize()).isLessThan(half.getNodeId2NodeCacheSize())
                .isLessThanOrEqualTo(dft.getNodeId2NodeCacheSize() / 8).isGreaterThanOrEqualTo(1_000);
        assertThat(small.getNode2NodeIdCacheSize()).isLessThan(dft.getNode2NodeIdCacheSize() / 4);
        assertThat(small.getQuadIndexes()).isEqualTo(dft.getQuadIndexes());
        assertThat(small.getTripleIndexes()).isEqualTo(dft.getTripleIndexes());
    }
}
