package io.akocamel.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.avi.AviSession;
import io.akocamel.config.Settings;
import io.akocamel.crd.InfraSetting;
import io.akocamel.util.Cidr;
import io.akocamel.util.Versions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One preflight: the controller reads, in order, and what each answer means. Each read is a GET through
 * {@code direct:avi-step}; {@link #nextPath()} gives the next one and {@link #accept} takes its answer. A read that
 * fails for a controller-level reason (unreachable, credentials, tenant, version) ends the run, since every later read
 * would fail the same way; a missing piece is recorded and the other checks go on, so one run lists every problem.
 * Follow-up reads (the names the controller has instead) run right after the read that needs them.
 */
final class PreflightRun {
    /** {@code cluster_state.state} values that count as up (as for AKO). */
    static final Set<String> CLUSTER_UP = Set.of("CLUSTER_UP_NO_HA", "CLUSTER_UP_HA_ACTIVE", "CLUSTER_UP_HA_COMPROMISED");

    /** An answer: the JSON body, or the error text of a failed read; neither = 404 (absent). */
    record Reply(JsonNode body, String error) {
        boolean absent() {
            return error == null && body == null;
        }

        /** The first object of a collection answer, or null. */
        JsonNode first() {
            JsonNode first = body == null ? null : body.path("results").path(0);
            return first == null || first.isMissingNode() ? null : first;
        }
    }

    private final Settings.ControllerSettings controller;
    private final String username;
    private final List<Settings.VipNetwork> vipNetworks;
    private final AviSession session;
    private final boolean requireDnsProfile;
    private final ReadQueue reads = new ReadQueue();
    private boolean cloudRead;

    private String controllerVersion = "";
    private String clusterState = "";
    private String cloudType = "";
    private String ipamProfile = "";
    private String ipamType = "";
    private String dnsType = "";
    private DnsDomains dns = DnsDomains.NONE;
    private String vipNetwork = "";
    private String vipNetworkVrf = "";
    private final List<InfraSetting> infraSettings;
    private final List<String> infraSettingProblems = new ArrayList<>();

    PreflightRun(Settings settings, AviSession session, boolean requireDnsProfile, List<InfraSetting> infraSettings) {
        this.infraSettings = infraSettings;
        this.controller = settings.controllerSettings();
        this.username = settings.aviCredentials().username();
        this.vipNetworks = settings.networkSettings().vipNetworkList();
        this.session = session;
        this.requireDnsProfile = requireDnsProfile;
        reads.later("/api/cluster/runtime", this::clusterRuntime, true);
    }

    /** The path of the next GET, or null when the run is over. */
    String nextPath() {
        return reads.nextPath();
    }

    void accept(Reply reply) {
        ReadQueue.Read read = reads.answered();
        if (reply.error() != null && !read.handlesErrors()) {
            reads.stop(PreflightMessages.readFailed(read.path().get(), session.controllerUri(), reply.error()));
            return;
        }
        read.handler().accept(reply);
    }

    List<String> problems() {
        return reads.problems();
    }

    /** Whether the cloud (and so its DNS profile) was read: only then are the discovered DNS sub-domains current. */
    boolean cloudRead() {
        return cloudRead;
    }

    DiscoveredFacts facts() {
        String apiVersion = session.apiVersion() == null ? "" : session.apiVersion();
        return new DiscoveredFacts(controllerVersion, apiVersion, clusterState, controller.cloudName(), cloudType, ipamProfile, ipamType,
                dnsType, dns, vipNetwork, vipNetworkVrf);
    }

    // ---- the checks, in order ----

    private void clusterRuntime(Reply reply) {
        if (reply.error() != null) {
            if (session.state() == AviSession.State.CREDENTIALS_REJECTED) {
                reads.stop("avicredentials: " + session.problem());
            } else {
                String what = session.state() == AviSession.State.UNREACHABLE ? session.problem()
                        : "reading /api/cluster/runtime from the Avi Controller at " + session.controllerUri() + " failed (" + reply.error() + ")";
                reads.stop(PreflightMessages.unreachable(what));
            }
            return;
        }
        JsonNode runtime = reply.body();
        clusterState = runtime == null ? "" : runtime.path("cluster_state").path("state").asText("");
        if (!clusterState.isEmpty() && !CLUSTER_UP.contains(clusterState)) {
            List<String> nodes = new ArrayList<>();
            runtime.path("node_states").forEach(n -> nodes.add(n.path("name").asText() + " " + n.path("state").asText()));
            reads.stop(PreflightMessages.clusterNotUp(session.controllerUri(), clusterState, nodes));
            return;
        }
        reads.later("/api/initial-data", this::version, true);
    }

    private void version(Reply reply) {
        controllerVersion = reply.body() == null ? "" : reply.body().path("version").path("Version").asText("");
        String configured = controller.controllerVersion();
        if (!configured.isEmpty() && !controllerVersion.isEmpty() && Versions.compare(configured, controllerVersion) > 0) {
            reads.stop(PreflightMessages.versionTooNew(configured, controllerVersion, "the Avi Controller runs version " + controllerVersion
                    + " and accepts API versions up to its own"));
            return;
        }
        reads.later("/api/tenant?name=" + encode(controller.tenantName()) + "&fields=name", this::tenant, true);
    }

    private void tenant(Reply reply) {
        String tenant = controller.tenantName();
        if (reply.error() != null) {
            if (reply.error().contains("Invalid version")) {
                reads.stop(PreflightMessages.versionTooNew(controller.controllerVersion(), controllerVersion,
                        "the controller answered: " + reply.error()));
            } else if (reply.error().contains("does not exist")) {
                reads.stop(PreflightMessages.tenantMissing(tenant, "the controller answered: " + reply.error()));
            } else {
                reads.stop(PreflightMessages.tenantUnreadable(tenant, reply.error(), username));
            }
            return;
        }
        if (reply.first() == null) {
            reads.now("/api/tenant?fields=name&page_size=200",
                    list -> reads.stop(PreflightMessages.tenantMissing(tenant, "it has: " + ControllerAnswers.names(list))));
            return;
        }
        reads.later("/api/cloud?name=" + encode(controller.cloudName()) + "&include_name=true", this::cloud, false);
    }

    private void cloud(Reply reply) {
        String cloudName = controller.cloudName();
        JsonNode cloud = reply.first();
        if (cloud == null) {
            reads.now("/api/cloud?fields=name&page_size=200",
                    list -> reads.stop(PreflightMessages.cloudMissing(cloudName, ControllerAnswers.names(list))));
            return;
        }
        cloudRead = true;
        cloudType = cloud.path("vtype").asText("");
        String ipamRef = cloud.path("ipam_provider_ref").asText("");
        if (ipamRef.isEmpty()) {
            reads.problem(PreflightMessages.noIpamProfile(cloudName));
        } else {
            reads.later(ControllerAnswers.profilePath(ipamRef), this::ipamProfile, false);
        }
        String dnsRef = cloud.path("dns_provider_ref").asText("");
        if (dnsRef.isEmpty()) {
            dnsMissing("has no DNS profile");
        } else {
            reads.later(ControllerAnswers.profilePath(dnsRef), this::dnsProfile, false);
        }
        reads.later("/api/serviceenginegroup?name=" + encode(controller.serviceEngineGroupName()) + "&cloud_ref.name=" + encode(cloudName)
                + "&fields=name", this::serviceEngineGroup, false);
        for (int i = 0; i < vipNetworks.size(); i++) {
            int index = i;
            Settings.VipNetwork network = vipNetworks.get(i);
            String path = network.networkName().isEmpty()
                    ? "/api/network/" + encode(network.networkUUID()) + "?include_name=true"
                    : "/api/network?name=" + encode(network.networkName()) + "&cloud_ref.name=" + encode(cloudName) + "&include_name=true";
            reads.later(path, r -> vipNetwork(index, network, r), false);
        }
        reads.later(this::vrfPath, this::vrf, false);
        infraSettings.forEach(setting -> infraSettingReads(setting, cloudName));
    }

    /** An AviInfraSetting's SE group and VIP networks, looked up in the cloud; a failed read decides nothing. */
    private void infraSettingReads(InfraSetting setting, String cloudName) {
        if (setting.seGroup() != null) {
            reads.later("/api/serviceenginegroup?name=" + encode(setting.seGroup()) + "&cloud_ref.name=" + encode(cloudName) + "&fields=name",
                    r -> infraSettingObject(r, PreflightMessages.infraSettingObjectMissing(setting.name(), "seGroup.name", "SE group",
                            setting.seGroup(), cloudName)), true);
        }
        for (InfraSetting.VipNetwork network : setting.vipNetworks().stream().filter(n -> n.networkName() != null).toList()) {
            reads.later("/api/network?name=" + encode(network.networkName()) + "&cloud_ref.name=" + encode(cloudName) + "&fields=name",
                    r -> infraSettingObject(r, PreflightMessages.infraSettingObjectMissing(setting.name(), "network.vipNetworks.networkName",
                            "network", network.networkName(), cloudName)), true);
        }
    }

    private void infraSettingObject(Reply reply, String missing) {
        if (reply.error() == null && reply.first() == null) {
            infraSettingProblems.add(missing);
        }
    }

    List<String> infraSettingProblems() {
        return List.copyOf(infraSettingProblems);
    }

    private void ipamProfile(Reply reply) {
        if (reply.body() == null) {
            reads.problem(PreflightMessages.ipamProfileGone(controller.cloudName()));
            return;
        }
        ipamProfile = reply.body().path("name").asText("");
        ipamType = reply.body().path("type").asText("");
    }

    private void dnsProfile(Reply reply) {
        if (reply.body() == null) {
            dnsMissing("refers to a DNS profile that does not exist any more");
            return;
        }
        JsonNode profile = reply.body();
        dnsType = profile.path("type").asText("");
        dns = DnsDomains.of(profile.path("name").asText(""), ControllerAnswers.subDomains(profile));
    }

    private void dnsMissing(String what) {
        if (requireDnsProfile) {
            reads.problem(PreflightMessages.dnsProfileMissing(controller.cloudName(), what));
        }
    }

    private void serviceEngineGroup(Reply reply) {
        if (reply.first() != null) {
            return;
        }
        String cloudName = controller.cloudName();
        reads.now("/api/serviceenginegroup?cloud_ref.name=" + encode(cloudName) + "&fields=name&page_size=200",
                list -> reads.problem(PreflightMessages.serviceEngineGroupMissing(controller.serviceEngineGroupName(), cloudName,
                        ControllerAnswers.names(list))));
    }

    private void vipNetwork(int index, Settings.VipNetwork wanted, Reply reply) {
        String cloudName = controller.cloudName();
        String setting = "NetworkSettings.vipNetworkList[" + index + "]";
        boolean byName = !wanted.networkName().isEmpty();
        JsonNode network = byName ? reply.first() : reply.body();
        String networksOfCloud = "/api/network?cloud_ref.name=" + encode(cloudName) + "&fields=name&page_size=200";
        if (network == null) {
            reads.now(networksOfCloud, list -> reads.problem(byName
                    ? PreflightMessages.networkNameMissing(setting, wanted.networkName(), cloudName, ControllerAnswers.names(list))
                    : PreflightMessages.networkUuidMissing(setting, wanted.networkUUID(), cloudName, ControllerAnswers.namesWithUuids(list))));
            return;
        }
        String name = network.path("name").asText("");
        String networkCloud = ControllerAnswers.refName(network.path("cloud_ref").asText(""));
        if (!byName && !networkCloud.isEmpty() && !networkCloud.equals(cloudName)) {
            reads.problem(PreflightMessages.networkOfOtherCloud(setting, name, wanted.networkUUID(), networkCloud, cloudName));
        }
        List<String> subnets = ControllerAnswers.subnets(network);
        subnet(setting + ".cidr", name, wanted.cidr(), subnets);
        subnet(setting + ".v6cidr", name, wanted.v6cidr(), subnets);
        if (index == 0) {
            vipNetwork = name;
            vipNetworkVrf = ControllerAnswers.refName(network.path("vrf_context_ref").asText(""));
        }
    }

    private void subnet(String setting, String network, String cidr, List<String> subnets) {
        if (!cidr.isEmpty() && subnets.stream().noneMatch(s -> Cidr.sameSubnet(s, cidr))) {
            reads.problem(PreflightMessages.subnetMissing(setting, network, cidr, subnets));
        }
    }

    /** {@code vrfName}, else the VRF of the first VIP network, else {@code global}. */
    private String vrfName() {
        if (!controller.vrfName().isEmpty()) {
            return controller.vrfName();
        }
        return vipNetworkVrf.isEmpty() ? "global" : vipNetworkVrf;
    }

    private String vrfPath() {
        return "/api/vrfcontext?name=" + encode(vrfName()) + "&cloud_ref.name=" + encode(controller.cloudName()) + "&fields=name";
    }

    private void vrf(Reply reply) {
        if (reply.first() != null) {
            return;
        }
        String cloudName = controller.cloudName();
        String vrf = vrfName();
        String which = !controller.vrfName().isEmpty() ? "there is no VRF context '" + vrf + "'"
                : "it is empty, so VRF context '" + vrf + "' (" + (vipNetworkVrf.isEmpty() ? "the default" : "of the VIP network")
                + ") is used, but there is none";
        reads.now("/api/vrfcontext?cloud_ref.name=" + encode(cloudName) + "&fields=name&page_size=200",
                list -> reads.problem(PreflightMessages.vrfMissing(which, cloudName, ControllerAnswers.names(list))));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
