package io.akocamel.preflight;

import io.akocamel.config.ShardSize;
import io.akocamel.simulator.AviSimulator;
import io.akocamel.simulator.RecordedRequest;
import io.akocamel.testing.FreePort;
import io.akocamel.testing.TestSettings;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The preflight routes against the embedded Avi Controller simulator: real HTTP, the real delivery session and routes. */
class PreflightTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    AviSimulator avi;
    PreflightCamel camel;

    /** The simulator's seed as the set-up (vcenter-cloud, Default-Group, vip-network), one SMALL shard, quick calls. */
    static TestSettings.Builder settings(String controller) {
        return TestSettings.builder().controller(controller).controllerVersion("").seedCloud().shardSize(ShardSize.SMALL)
                .callTimeout(Duration.ofSeconds(2)).retry(Duration.ofMillis(10), Duration.ofMillis(20), 2);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        if (avi != null) {
            avi.close();
        }
    }

    private void start(UnaryOperator<AviSimulator.Builder> simulator, Consumer<AviSimulator> running, UnaryOperator<TestSettings.Builder> setup,
                       Map<String, String> properties) throws Exception {
        avi = simulator.apply(AviSimulator.builder().port(0).password(TestSettings.PASSWORD)).build().start();
        running.accept(avi);
        camel = PreflightCamel.start(setup.apply(settings(avi.baseUrl())).build(), List.of(), null, properties);
    }

    private void start(UnaryOperator<AviSimulator.Builder> simulator, UnaryOperator<TestSettings.Builder> setup) throws Exception {
        start(simulator, a -> { }, setup, Map.of());
    }

    private Preflight preflight() {
        return camel.preflight();
    }

    private void awaitChecked() {
        await().atMost(WAIT).until(() -> preflight().state() != Preflight.State.NOT_RUN);
    }

    /** Waits for a second failing check (the re-check), then returns the problems. */
    private List<String> awaitRecheckedProblems() {
        awaitChecked();
        Instant first = preflight().result().checkedAt();
        await().atMost(WAIT).until(() -> preflight().result().checkedAt().isAfter(first));
        assertThat(preflight().state()).isEqualTo(Preflight.State.FAILED);
        return preflight().problems();
    }

    private List<String> writes() {
        return avi.requestLog().stream().filter(RecordedRequest::isWrite).map(RecordedRequest::toString).toList();
    }

    /** A shard key reaches the stand-in reconcile loop; the write gate must keep it from writing. */
    private void assertReconcileWritesNothing() {
        int before = camel.reconciles.size();
        camel.reconcile(PreflightCamel.SHARD);
        await().atMost(WAIT).until(() -> camel.reconciles.size() > before);
        assertThat(camel.applied).isEmpty();
    }

    @Test
    void theSeedsSetUpPassesAndOpensTheWriteGate() throws Exception {
        start(s -> s, s -> s);

        awaitChecked();
        assertThat(preflight().problems()).isEmpty();
        assertThat(preflight().passed()).isTrue();
        assertThat(camel.readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(avi.requestLog()).as("the preflight only reads").allMatch(r -> r.method().equals("GET") || r.path().equals("/login"));

        camel.reconcile(PreflightCamel.SHARD);
        await().atMost(WAIT).until(() -> !camel.applied.isEmpty());
        assertThat(writes()).singleElement().asString().startsWith("POST /api/pool");
        assertThat(camel.fullSyncsAsked).as("no full sync when nothing was held back").hasValue(0);
    }

    @Test
    void discoveredFactsDescribeTheCloud() throws Exception {
        start(s -> s, s -> s);
        awaitChecked();

        DiscoveredFacts facts = preflight().facts();
        assertThat(facts.describe()).containsExactly(
                "Avi Controller version: 22.1.2 (X-Avi-Version 22.1.2), cluster CLUSTER_UP_NO_HA",
                "Cloud: vcenter-cloud (CLOUD_VCENTER)",
                "IPAM profile: vcenter-ipam (IPAMDNS_TYPE_INTERNAL)",
                "DNS profile: vcenter-dns (IPAMDNS_TYPE_INTERNAL_DNS), sub-domains: example.com",
                "VIP network: vip-network, VRF global");
        assertThat(facts.dns().subDomains()).containsExactly("example.com");
        assertThat(facts.vipNetworkVrf()).isEqualTo("global");
    }

    @Test
    void aCheckOnDemandRepliesWithTheResult() throws Exception {
        start(s -> s, s -> s.seGroup("Tanzu-Group"));

        PreflightResult result = camel.check();

        assertThat(result.state()).isEqualTo(Preflight.State.FAILED);
        assertThat(result.problems()).singleElement().asString().contains("Tanzu-Group");
        assertThat(result.facts().cloudType()).isEqualTo("CLOUD_VCENTER");
    }

    record Broken(String name, UnaryOperator<AviSimulator.Builder> simulator, Consumer<AviSimulator> running,
                  UnaryOperator<TestSettings.Builder> setup, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Broken broken(String name, UnaryOperator<AviSimulator.Builder> simulator, UnaryOperator<TestSettings.Builder> setup, String... expected) {
        return new Broken(name, simulator, a -> { }, setup, List.of(expected));
    }

    static Stream<Broken> brokenSetUps() {
        return Stream.of(
                broken("cloud missing", s -> s.without("cloud", "vcenter-cloud"), s -> s,
                        "ControllerSettings.cloudName: there is no cloud 'vcenter-cloud' on the Avi Controller (it has: Default-Cloud); "
                                + "create it, or set cloudName to one of those"),
                broken("SE group not in the cloud", s -> s, s -> s.seGroup("Tanzu-Group"),
                        "ControllerSettings.serviceEngineGroupName: there is no SE group 'Tanzu-Group' in cloud 'vcenter-cloud' "
                                + "(the cloud has: Default-Group, example-se-group); create it in that cloud, or set serviceEngineGroupName to one of those"),
                broken("VIP network missing", s -> s, s -> s.vipNetwork("vip-net", "10.10.10.0/24"),
                        "NetworkSettings.vipNetworkList[0].networkName: there is no network 'vip-net' in cloud 'vcenter-cloud' "
                                + "(the cloud has: vip-network, example-vip-network); create it, or set networkName to one of those"),
                broken("VIP network uuid unknown", s -> s, s -> s.vipNetworkUuid("network-0000", "10.10.10.0/24"),
                        "NetworkSettings.vipNetworkList[0].networkUUID: there is no network with uuid 'network-0000' on the Avi "
                                + "Controller (networks of cloud 'vcenter-cloud': vip-network (network-"),
                broken("subnet mismatch", s -> s, s -> s.vipNetwork("vip-network", "10.20.30.0/24"),
                        "NetworkSettings.vipNetworkList[0].cidr: network 'vip-network' has no subnet 10.20.30.0/24 (it has: "
                                + "10.10.10.0/24); add that subnet with a static range for VIPs to the network, or set cidr to one of its subnets"),
                broken("tenant missing", s -> s, s -> s.tenant("team-a"),
                        "ControllerSettings.tenantName: there is no tenant 'team-a' on the Avi Controller",
                        "Tenant 'team-a' does not exist!", "create it (Administration > Tenants), or set tenantName to an existing tenant"),
                broken("DNS profile missing and required", s -> s.without("ipamdnsproviderprofile", "vcenter-dns"),
                        s -> s.set("akoCamel.preflight.requireDnsProfile", "true"),
                        "ControllerSettings.cloudName: cloud 'vcenter-cloud' has no DNS profile, so Avi DNS publishes no record for "
                                + "Ingress hosts; create a DNS profile whose domains cover the Ingress hosts"),
                broken("IPAM profile missing", s -> s.without("ipamdnsproviderprofile", "vcenter-ipam"), s -> s,
                        "ControllerSettings.cloudName: cloud 'vcenter-cloud' has no IPAM profile, so no VIP can be allocated"),
                broken("VRF missing", s -> s, s -> s.vrf("blue"),
                        "ControllerSettings.vrfName: there is no VRF context 'blue' in cloud 'vcenter-cloud' (the cloud has: global, "
                                + "management); create it, or set vrfName to one of those"),
                broken("wrong credentials", s -> s, s -> s.credentials("admin", "not-the-Password"),
                        "avicredentials: the Avi Controller at http://127.0.0.1:",
                        "rejected the login of user 'admin' (HTTP 401: Invalid credentials); fix avicredentials.username and password"),
                broken("unsupported version", s -> s, s -> s.controllerVersion("30.2.1"),
                        "ControllerSettings.controllerVersion: 30.2.1 is not accepted (the Avi Controller runs version 22.1.2 and "
                                + "accepts API versions up to its own); set controllerVersion to 22.1.2 or older, or leave it empty"),
                new Broken("controller cluster not up", s -> s, a -> a.faults().clusterState("CLUSTER_STARTING"), s -> s,
                        List.of("ControllerSettings.controllerHost: the Avi Controller cluster at http://127.0.0.1:",
                                "is not up (cluster state CLUSTER_STARTING; nodes: 127.0.0.1 CLUSTER_STARTING)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSetUps")
    void aBrokenSetUpIsOneClearProblemRecheckedWithoutWrites(Broken broken) throws Exception {
        start(broken.simulator(), broken.running(), broken.setup(), Map.of());

        List<String> problems = awaitRecheckedProblems();

        assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains(broken.expected()));
        assertThat(problems.get(0)).doesNotContain(TestSettings.PASSWORD, "not-the-Password");
        assertThat(preflight().getAsBoolean()).isFalse();
        HealthCheck.Result readiness = camel.readiness();
        assertThat(readiness.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(readiness.getMessage()).hasValueSatisfying(m -> assertThat(m).contains(broken.expected().get(0)));
        assertReconcileWritesNothing();
        assertThat(writes()).isEmpty();
    }

    @Test
    void anUnreachableControllerIsAProblemRecheckedWithoutWrites() throws Exception {
        int closedPort = FreePort.find();
        camel = PreflightCamel.start(settings("http://127.0.0.1:" + closedPort).build());

        List<String> problems = awaitRecheckedProblems();

        assertThat(problems).singleElement().asString()
                .startsWith("ControllerSettings.controllerHost: cannot reach the Avi Controller at http://127.0.0.1:" + closedPort)
                .contains("check the address (values ControllerSettings.controllerHost, env CTRL_IPADDRESS)");
        assertReconcileWritesNothing();
    }

    @Test
    void everyMissingPieceOfTheCloudIsListedByOneCheck() throws Exception {
        start(s -> s.without("ipamdnsproviderprofile", "vcenter-dns"),
                s -> s.seGroup("Tanzu-Group").vipNetwork("vip-net", "10.10.10.0/24").vrf("blue").set("akoCamel.preflight.requireDnsProfile", "true"));

        List<String> problems = awaitRecheckedProblems();

        assertThat(problems).hasSize(4);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("ControllerSettings.cloudName: cloud 'vcenter-cloud' has no DNS profile"))
                .anySatisfy(p -> assertThat(p).startsWith("ControllerSettings.serviceEngineGroupName: there is no SE group 'Tanzu-Group'"))
                .anySatisfy(p -> assertThat(p).startsWith("NetworkSettings.vipNetworkList[0].networkName: there is no network 'vip-net'"))
                .anySatisfy(p -> assertThat(p).startsWith("ControllerSettings.vrfName: there is no VRF context 'blue'"));
        assertThat(preflight().facts().cloudType()).isEqualTo("CLOUD_VCENTER");
    }

    @Test
    void fixingTheSetUpWhileRunningOpensTheGateAndAsksForAFullSync() throws Exception {
        start(s -> s, s -> s.vrf("blue"));
        awaitRecheckedProblems();
        assertReconcileWritesNothing();

        avi.create("vrfcontext", "{\"name\":\"blue\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}");

        await().atMost(WAIT).until(() -> preflight().passed());
        await().atMost(WAIT).until(() -> camel.fullSyncsAsked.get() == 1 && !camel.applied.isEmpty());
        assertThat(writes()).anySatisfy(w -> assertThat(w).startsWith("POST /api/pool"));
        assertThat(camel.readiness().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aWriteHeldBackBeforeTheFirstCheckAsksForAFullSyncWhenItPasses() throws Exception {
        start(s -> s, a -> { }, s -> s, Map.of("preflight.initialDelayMillis", "3600000"));
        assertThat(preflight().problems()).containsExactly("the Avi Controller preflight has not run yet");

        assertThat(preflight().getAsBoolean()).as("nothing is written before the first check").isFalse();

        assertThat(camel.checkAsking().getMessage().getHeader(Preflight.FULL_SYNC_NEEDED, Boolean.class)).isTrue();
        assertThat(camel.checkAsking().getMessage().getHeader(Preflight.FULL_SYNC_NEEDED, Boolean.class)).isFalse();
    }

    @Test
    void aFirstCheckThatPassesWithNothingHeldBackAsksForNoFullSync() throws Exception {
        start(s -> s, a -> { }, s -> s, Map.of("preflight.initialDelayMillis", "3600000"));

        assertThat(camel.checkAsking().getMessage().getHeader(Preflight.FULL_SYNC_NEEDED, Boolean.class)).isFalse();
        assertThat(preflight().getAsBoolean()).isTrue();
    }

    @Test
    void aSetUpBrokenWhileRunningClosesTheGateAtTheNextFullSyncPeriod() throws Exception {
        start(s -> s, a -> a.create("vrfcontext", "{\"name\":\"blue\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}"),
                s -> s.vrf("blue").fullSyncSeconds(1), Map.of());
        awaitChecked();
        assertThat(preflight().passed()).isTrue();

        avi.delete("vrfcontext", "blue");

        await().atMost(WAIT).until(() -> preflight().state() == Preflight.State.FAILED);
        assertThat(preflight().problems()).singleElement().asString().startsWith("ControllerSettings.vrfName: there is no VRF context 'blue'");
        assertReconcileWritesNothing();
        assertThat(writes()).isEmpty();
    }

    @Test
    void byDefaultACloudWithoutDnsProfilePassesAndAcceptsEveryHost() throws Exception {
        start(s -> s.without("ipamdnsproviderprofile", "vcenter-dns"), s -> s);
        awaitChecked();

        assertThat(preflight().passed()).isTrue();
        assertThat(preflight().facts().describe()).contains("DNS profile: none (every Ingress host is accepted; no DNS records are published)");
        assertThat(preflight().hostInDnsDomains("anything.example.org")).isTrue();
        assertThat(preflight().synthesizedHost("web", "shop")).isEmpty();
    }

    @Test
    void theDnsProfilesSubDomainsDecideWhichHostsGetRecords() throws Exception {
        start(s -> s.editSeed("ipamdnsproviderprofile", "vcenter-dns", profile -> {
            var domains = profile.with("internal_profile").putArray("dns_service_domain");
            domains.addObject().put("domain_name", ".apps.corp.local").put("pass_through", true);
            domains.addObject().put("domain_name", "example.com").put("pass_through", true);
        }), s -> s);
        awaitChecked();

        assertThat(preflight().dnsDomains().subDomains()).containsExactly("apps.corp.local", "example.com");
        assertThat(preflight().hostInDnsDomains("shop.apps.corp.local")).isTrue();
        assertThat(preflight().hostInDnsDomains("foo.example.com")).isTrue();
        assertThat(preflight().hostInDnsDomains("foo.example.org")).isFalse();
        assertThat(preflight().synthesizedHost("web", "shop")).contains("web.shop.apps.corp.local");
        assertThat(preflight().hostOutsideWarning("foo.example.org")).startsWith(
                "host foo.example.org is not inside the DNS sub-domains of DNS profile vcenter-dns (apps.corp.local, example.com): it is routed");
    }
}
