package io.akocamel.ops;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.lang.management.ManagementFactory;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The io.akocamel:type=Controller MBean, used as jconsole or jmxterm would: attributes and operations by name. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControllerMBeanTest {
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private OpsFixture fixture;
    private ObjectName controller;

    @BeforeAll
    void start() throws Exception {
        fixture = OpsFixture.create();
        fixture.createForeignShopPool();
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        fixture.startController();
        controller = ControllerManagement.objectName(fixture.app().context().getManagementName());
        await().atMost(OpsFixture.WAIT).until(() -> fixture.initialSyncDone() && (int) jmx.getAttribute(controller, "DeadLetterCount") == 1);
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
        assertThat(jmx.isRegistered(controller)).as("unregistered with its Camel context").isFalse();
    }

    @Test
    void listsADeadLetterAndReplaysItsShard() throws Exception {
        CompositeData[] deadLetters = (CompositeData[]) jmx.getAttribute(controller, "DeadLetters");
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.get("objectKey")).isEqualTo("pool/" + OpsFixture.SHOP_ROOT_POOL);
            assertThat(d.get("method")).isEqualTo("POST");
            assertThat(d.get("errorClass")).isEqualTo("CONFLICT");
            assertThat(d.get("status")).isEqualTo(409);
            assertThat((String) d.get("shardKey")).startsWith("cluster-1--Shared-L7-");
            assertThat((String) d.get("error")).contains("not owned by this cluster");
        });
        // the operator renames the foreign pool out of the way, then replays
        fixture.avi.delete("pool", OpsFixture.SHOP_ROOT_POOL);

        Object replayed = jmx.invoke(controller, "replayDeadLetter", new Object[] {"pool/" + OpsFixture.SHOP_ROOT_POOL},
                new String[] {String.class.getName()});

        assertThat(replayed).isEqualTo(true);
        await().atMost(OpsFixture.WAIT).untilAsserted(() -> {
            assertThat(fixture.avi.find("pool", OpsFixture.SHOP_ROOT_POOL)).hasValueSatisfying(p ->
                    assertThat(p.path("created_by").asText()).isEqualTo("ako-cluster-1"));
            assertThat(jmx.getAttribute(controller, "DeadLetterCount")).isEqualTo(0);
        });
        assertThat(jmx.invoke(controller, "replayDeadLetter", new Object[] {"pool/none"}, new String[] {String.class.getName()}))
                .isEqualTo(false);
    }

    @Test
    void triggersAFullSyncAndShowsTheSyncState() throws Exception {
        assertThat(jmx.getAttribute(controller, "InitialSyncDone")).isEqualTo(true);
        assertThat(jmx.getAttribute(controller, "KubernetesListsComplete")).isEqualTo(true);
        assertThat(jmx.getAttribute(controller, "AviInventoryLoaded")).isEqualTo(true);
        assertThat(jmx.getAttribute(controller, "AviConnectionStatus")).isEqualTo("CONNECTED");
        Instant firstSync = Instant.parse((String) jmx.getAttribute(controller, "LastFullSyncTime"));

        jmx.invoke(controller, "triggerFullSync", new Object[0], new String[0]);

        await().atMost(OpsFixture.WAIT).untilAsserted(() ->
                assertThat(Instant.parse((String) jmx.getAttribute(controller, "LastFullSyncTime"))).isAfter(firstSync));
        assertThat((double) jmx.getAttribute(controller, "LastFullSyncDurationSeconds")).isPositive();
        assertThat(jmx.getAttribute(controller, "FullSyncPendingKeys")).isEqualTo(0);
    }

    @Test
    void camelsOwnRouteMBeansAreThereToo() throws Exception {
        assertThat(jmx.queryNames(new ObjectName("org.apache.camel:context=" + fixture.app().context().getManagementName()
                + ",type=routes,name=\"reconcile-run\""), null)).hasSize(1);
    }
}
