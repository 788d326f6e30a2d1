package io.akocamel.ops;

import io.akocamel.config.ShardSize;
import io.akocamel.kube.ClusterState;
import io.akocamel.testing.TestSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngressSyncStateTest {

    @Test
    void resultsOfTenThousandShardsNoIngressIsOnAnyMoreGoAtTheNextCount() {
        var settings = TestSettings.builder().shardSize(ShardSize.DEDICATED).build();
        // no watch started: the cluster holds no Ingress, as after every churned host was deleted
        IngressSyncState state = new IngressSyncState(() -> new ClusterState(settings, null));
        for (int i = 0; i < 10_000; i++) {
            state.reconciled("cluster-1--h" + i + ".test-L7-dedicated", i % 2 == 0 ? "applied" : "failed");
        }
        assertThat(state.shardResults()).isEqualTo(10_000);

        assertThat(state.counts()).isEqualTo(new IngressSyncState.Counts(0, 0));
        assertThat(state.shardResults()).isZero();
    }
}
