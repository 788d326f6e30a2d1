package io.akocamel.it;

import io.akocamel.app.ControllerApp;
import io.akocamel.app.RouteContract;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviOperation;
import io.akocamel.avi.InventoryLoader;
import io.akocamel.avi.Planner;
import io.akocamel.model.ClusterSnapshot;
import io.akocamel.model.ModelBuilder;
import io.akocamel.model.ShardModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The convergence check of the fault suite: the model of the cluster as it is now, planned against what the simulator
 * holds now (read afresh through the real delivery routes, by a second, Avi-only controller), needs no write: no
 * missing object, no stale owned object (AKO's unmarked ones included), no payload that differs. {@link #remainingWrites} lists what is left.
 */
final class Convergence {
    private Convergence() {
    }

    /** Every write a controller would still make, as "METHOD type name"; empty once converged. */
    static List<String> remainingWrites(ControllerFixture fixture) throws Exception {
        ClusterSnapshot cluster = ClusterSnapshot.of(fixture.settings, clusterObjects(fixture.client()));
        List<ShardModel> shards = new ModelBuilder().buildAll(cluster, fixture.settings);
        ControllerApp reader = ControllerApp.builder(fixture.settings)
                .routeFiles("avi-error-policy.camel.yaml", "avi-delivery.camel.yaml")
                .property("camel.main.name", "convergence-check")
                .start();
        try {
            InventoryLoader.LoadSummary read = reader.context().createProducerTemplate()
                    .requestBody(RouteContract.AVI_INVENTORY_LOAD, null, InventoryLoader.LoadSummary.class);
            if (!read.complete()) {
                return List.of("(the controller could not be read completely)");
            }
            AviInventory inventory = reader.components().inventory();
            Planner planner = reader.components().planner();
            List<String> writes = new ArrayList<>();
            Set<String> modelled = new TreeSet<>();
            for (ShardModel shard : shards) {
                modelled.add(shard.vsName());
                planner.plan(shard.vsName(), shard.objects(), inventory, true).operations().forEach(op -> writes.add(describe(op)));
            }
            for (String leftover : inventory.shardKeys()) {
                if (!modelled.contains(leftover) && !leftover.equals("static-routes")) {
                    planner.plan(leftover, List.of(), inventory, true).operations().forEach(op -> writes.add(describe(op)));
                }
            }
            Set<String> desired = new TreeSet<>();
            shards.forEach(shard -> shard.objects().forEach(o -> desired.add(o.key())));
            planner.planOrphans(desired, inventory, true).operations().forEach(op -> writes.add(describe(op)));
            return writes;
        } finally {
            reader.close();
        }
    }

    private static String describe(AviOperation op) {
        return op.method() + " " + op.type().path() + " " + op.name();
    }

    private static List<HasMetadata> clusterObjects(KubernetesClient client) {
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.network().v1().ingresses().inAnyNamespace().list().getItems());
        all.addAll(client.network().v1().ingressClasses().list().getItems());
        all.addAll(client.services().inAnyNamespace().list().getItems());
        all.addAll(client.discovery().v1().endpointSlices().inAnyNamespace().list().getItems());
        all.addAll(client.secrets().inAnyNamespace().list().getItems());
        all.addAll(client.nodes().list().getItems());
        all.addAll(client.namespaces().list().getItems());
        all.addAll(client.pods().inAnyNamespace().list().getItems());
        return all;
    }
}
