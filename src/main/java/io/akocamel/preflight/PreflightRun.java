package io.akocamel.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.avi.AviSession;
import io.akocamel.config.Settings;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    private static final int LISTED_NAMES = 20;

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

    private record Read(Supplier<String> path, Consumer<Reply> handler, boolean handlesErrors) {
    }

    private final Settings.ControllerSettings controller;
    private final String username;
    private final List<Settings.VipNetwork> vipNetworks;
    private final AviSession session;
    private final boolean requireDnsProfile;
    private final Deque<Read> reads = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();
    private Read current;
    private boolean stopped;
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

    PreflightRun(Settings settings, AviSession session, boolean requireDnsProfile) {
        this.controller = settings.controllerSettings();
        this.username = settings.aviCredentials().username();
        this.vipNetworks = settings.networkSettings().vipNetworkList();
        this.session = session;
        this.requireDnsProfile = requireDnsProfile;
        later("/api/cluster/runtime", this::clusterRuntime, true);
    }

    /** The path of the next GET, or null when the run is over. */
    String nextPath() {
        if (stopped || reads.isEmpty()) {
            current = null;
            return null;
        }
        current = reads.removeFirst();
        return current.path().get();
    }

    void accept(Reply reply) {
        Read read = current;
        current = null;
        if (reply.error() != null && !read.handlesErrors()) {
            stop("ControllerSettings.controllerHost: reading " + read.path().get() + " from the Avi Controller at "
                    + session.controllerUri() + " failed (" + reply.error() + "); check that the controller is healthy");
            return;
        }
        read.handler().accept(reply);
    }

    List<String> problems() {
        return List.copyOf(problems);
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
                stop("avicredentials: " + session.problem());
            } else {
                String what = session.state() == AviSession.State.UNREACHABLE ? session.problem()
                        : "reading /api/cluster/runtime from the Avi Controller at " + session.controllerUri() + " failed (" + reply.error() + ")";
                stop("ControllerSettings.controllerHost: " + what + "; check the address (values ControllerSettings.controllerHost, "
                        + "env CTRL_IPADDRESS), that the controller is up, and that this pod can reach it (firewall, network policy)");
            }
            return;
        }
        JsonNode runtime = reply.body();
        clusterState = runtime == null ? "" : runtime.path("cluster_state").path("state").asText("");
        if (!clusterState.isEmpty() && !CLUSTER_UP.contains(clusterState)) {
            List<String> nodes = new ArrayList<>();
            runtime.path("node_states").forEach(n -> nodes.add(n.path("name").asText() + " " + n.path("state").asText()));
            stop("ControllerSettings.controllerHost: the Avi Controller cluster at " + session.controllerUri() + " is not up (cluster state "
                    + clusterState + (nodes.isEmpty() ? "" : "; nodes: " + String.join(", ", nodes)) + "); wait until it is "
                    + "CLUSTER_UP_NO_HA, CLUSTER_UP_HA_ACTIVE or CLUSTER_UP_HA_COMPROMISED, or repair the controller cluster");
            return;
        }
        later("/api/initial-data", this::version, true);
    }

    private void version(Reply reply) {
        controllerVersion = reply.body() == null ? "" : reply.body().path("version").path("Version").asText("");
        String configured = controller.controllerVersion();
        if (!configured.isEmpty() && !controllerVersion.isEmpty() && compareVersions(configured, controllerVersion) > 0) {
            stop(versionTooNew(configured, "the Avi Controller runs version " + controllerVersion + " and accepts API versions up to "
                    + "its own"));
            return;
        }
        later("/api/tenant?name=" + encode(controller.tenantName()) + "&fields=name", this::tenant, true);
    }

    private String versionTooNew(String configured, String why) {
        String fix = controllerVersion.isEmpty() ? "an older version" : controllerVersion + " or older";
        return "ControllerSettings.controllerVersion: " + configured + " is not accepted (" + why + "); set controllerVersion to " + fix
                + ", or leave it empty to use the controller's own version (values ControllerSettings.controllerVersion, env CTRL_VERSION)";
    }

    private void tenant(Reply reply) {
        String tenant = controller.tenantName();
        if (reply.error() != null) {
            if (reply.error().contains("Invalid version")) {
                stop(versionTooNew(controller.controllerVersion(), "the controller answered: " + reply.error()));
            } else if (reply.error().contains("does not exist")) {
                stop(tenantMissing(tenant, "the controller answered: " + reply.error()));
            } else {
                stop("ControllerSettings.tenantName: reading tenant '" + tenant + "' from the Avi Controller failed (" + reply.error()
                        + "); check that user '" + username + "' may read tenants and that the controller is healthy");
            }
            return;
        }
        if (reply.first() == null) {
            now("/api/tenant?fields=name&page_size=200", list -> stop(tenantMissing(tenant, "it has: " + names(list))));
            return;
        }
        later("/api/cloud?name=" + encode(controller.cloudName()) + "&include_name=true", this::cloud, false);
    }

    private static String tenantMissing(String tenant, String detail) {
        return "ControllerSettings.tenantName: there is no tenant '" + tenant + "' on the Avi Controller (" + detail + "); create it "
                + "(Administration > Tenants), or set tenantName to an existing tenant (values ControllerSettings.tenantName, env "
                + "TENANT_NAME; default admin)";
    }

    private void cloud(Reply reply) {
        String cloudName = controller.cloudName();
        JsonNode cloud = reply.first();
        if (cloud == null) {
            now("/api/cloud?fields=name&page_size=200", list -> stop("ControllerSettings.cloudName: there is no cloud '" + cloudName
                    + "' on the Avi Controller (it has: " + names(list) + "); create it, or set cloudName to one of those (values "
                    + "ControllerSettings.cloudName, env CLOUD_NAME)"));
            return;
        }
        cloudRead = true;
        cloudType = cloud.path("vtype").asText("");
        String ipamRef = cloud.path("ipam_provider_ref").asText("");
        if (ipamRef.isEmpty()) {
            problem("ControllerSettings.cloudName: cloud '" + cloudName + "' has no IPAM profile, so no VIP can be allocated; create an "
                    + "IPAM profile with the VIP network as a usable network (Templates > Profiles > IPAM/DNS Profiles) and select it "
                    + "as the cloud's IPAM profile");
        } else {
            later(profilePath(ipamRef), this::ipamProfile, false);
        }
        String dnsRef = cloud.path("dns_provider_ref").asText("");
        if (dnsRef.isEmpty()) {
            dnsMissing("has no DNS profile");
        } else {
            later(profilePath(dnsRef), this::dnsProfile, false);
        }
        later("/api/serviceenginegroup?name=" + encode(controller.serviceEngineGroupName()) + "&cloud_ref.name=" + encode(cloudName)
                + "&fields=name", this::serviceEngineGroup, false);
        for (int i = 0; i < vipNetworks.size(); i++) {
            int index = i;
            Settings.VipNetwork network = vipNetworks.get(i);
            String path = network.networkName().isEmpty()
                    ? "/api/network/" + encode(network.networkUUID()) + "?include_name=true"
                    : "/api/network?name=" + encode(network.networkName()) + "&cloud_ref.name=" + encode(cloudName) + "&include_name=true";
            later(path, r -> vipNetwork(index, network, r), false);
        }
        reads.addLast(new Read(this::vrfPath, this::vrf, false));
    }

    private void ipamProfile(Reply reply) {
        if (reply.body() == null) {
            problem("ControllerSettings.cloudName: the IPAM profile of cloud '" + controller.cloudName() + "' does not exist any more; "
                    + "select an existing IPAM profile with the VIP network as a usable network for the cloud");
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
        dns = DnsDomains.of(profile.path("name").asText(""), subDomains(profile));
    }

    private void dnsMissing(String what) {
        if (requireDnsProfile) {
            problem("ControllerSettings.cloudName: cloud '" + controller.cloudName() + "' " + what + ", so Avi DNS publishes no record "
                    + "for Ingress hosts; create a DNS profile whose domains cover the Ingress hosts (Templates > Profiles > IPAM/DNS "
                    + "Profiles) and select it as the cloud's DNS profile, or set the property preflight.requireDnsProfile=false to run "
                    + "without Avi DNS");
        }
    }

    /** Internal DNS: {@code internal_profile.dns_service_domain[].domain_name}; Infoblox, AWS, Azure, custom: {@code usable_domains}. */
    static List<String> subDomains(JsonNode profile) {
        List<String> domains = new ArrayList<>();
        profile.path("internal_profile").path("dns_service_domain").forEach(d -> domains.add(d.path("domain_name").asText("")));
        for (String vendor : List.of("infoblox_profile", "aws_profile", "azure_profile", "custom_profile")) {
            profile.path(vendor).path("usable_domains").forEach(d -> domains.add(d.asText("")));
        }
        return domains;
    }

    private void serviceEngineGroup(Reply reply) {
        if (reply.first() != null) {
            return;
        }
        String cloudName = controller.cloudName();
        now("/api/serviceenginegroup?cloud_ref.name=" + encode(cloudName) + "&fields=name&page_size=200",
                list -> problem("ControllerSettings.serviceEngineGroupName: there is no SE group '" + controller.serviceEngineGroupName()
                        + "' in cloud '" + cloudName + "' (the cloud has: " + names(list) + "); create it in that cloud, or set "
                        + "serviceEngineGroupName to one of those (values ControllerSettings.serviceEngineGroupName, env SEG_NAME)"));
    }

    private void vipNetwork(int index, Settings.VipNetwork wanted, Reply reply) {
        String cloudName = controller.cloudName();
        String setting = "NetworkSettings.vipNetworkList[" + index + "]";
        boolean byName = !wanted.networkName().isEmpty();
        JsonNode network = byName ? reply.first() : reply.body();
        String networksOfCloud = "/api/network?cloud_ref.name=" + encode(cloudName) + "&fields=name&page_size=200";
        if (network == null) {
            now(networksOfCloud, list -> problem(byName
                    ? setting + ".networkName: there is no network '" + wanted.networkName() + "' in cloud '" + cloudName
                    + "' (the cloud has: " + names(list) + "); create it, or set networkName to one of those"
                    : setting + ".networkUUID: there is no network with uuid '" + wanted.networkUUID() + "' on the Avi Controller "
                    + "(networks of cloud '" + cloudName + "': " + namesWithUuids(list) + "); set networkUUID to one of those"));
            return;
        }
        String name = network.path("name").asText("");
        String networkCloud = refName(network.path("cloud_ref").asText(""));
        if (!byName && !networkCloud.isEmpty() && !networkCloud.equals(cloudName)) {
            problem(setting + ".networkUUID: network '" + name + "' (" + wanted.networkUUID() + ") belongs to cloud '" + networkCloud
                    + "', not to cloud '" + cloudName + "'; use a network of cloud '" + cloudName + "'");
        }
        List<String> subnets = subnets(network);
        subnet(setting + ".cidr", name, wanted.cidr(), subnets);
        subnet(setting + ".v6cidr", name, wanted.v6cidr(), subnets);
        if (index == 0) {
            vipNetwork = name;
            vipNetworkVrf = refName(network.path("vrf_context_ref").asText(""));
        }
    }

    private void subnet(String setting, String network, String cidr, List<String> subnets) {
        if (!cidr.isEmpty() && subnets.stream().noneMatch(s -> sameSubnet(s, cidr))) {
            problem(setting + ": network '" + network + "' has no subnet " + cidr + " (it has: " + (subnets.isEmpty() ? "none"
                    : String.join(", ", subnets)) + "); add that subnet with a static range for VIPs to the network, or set "
                    + setting.substring(setting.lastIndexOf('.') + 1) + " to one of its subnets");
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
        now("/api/vrfcontext?cloud_ref.name=" + encode(cloudName) + "&fields=name&page_size=200",
                list -> problem("ControllerSettings.vrfName: " + which + " in cloud '" + cloudName + "' (the cloud has: " + names(list)
                        + "); create it, or set vrfName to one of those (values ControllerSettings.vrfName, env VRF_NAME)"));
    }

    // ---- helpers ----

    /** A read after the ones already planned. */
    private void later(String path, Consumer<Reply> handler, boolean handlesErrors) {
        reads.addLast(new Read(() -> path, handler, handlesErrors));
    }

    /** A follow-up read (listing what the controller has instead), before every other planned one; a failure is listed. */
    private void now(String path, Consumer<Reply> handler) {
        reads.addFirst(new Read(() -> path, handler, true));
    }

    private void problem(String message) {
        problems.add(message);
    }

    private void stop(String message) {
        problems.add(message);
        stopped = true;
    }

    /** The names in a collection answer, e.g. {@code a, b, c and 3 more}, or {@code none}. */
    static String names(Reply list) {
        return listed(list, false);
    }

    private static String namesWithUuids(Reply list) {
        return listed(list, true);
    }

    private static String listed(Reply list, boolean withUuid) {
        if (list.error() != null) {
            return "unknown: listing them failed with " + list.error();
        }
        List<String> names = new ArrayList<>();
        JsonNode results = list.body() == null ? null : list.body().path("results");
        if (results != null) {
            results.forEach(o -> names.add(o.path("name").asText() + (withUuid ? " (" + o.path("uuid").asText() + ")" : "")));
        }
        int total = Math.max(names.size(), list.body() == null ? 0 : list.body().path("count").asInt(0));
        if (names.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", names.subList(0, Math.min(LISTED_NAMES, names.size())));
        return total > LISTED_NAMES ? shown + " and " + (total - LISTED_NAMES) + " more" : shown;
    }

    /** {@code /api/<type>/<uuid>?include_name=true} of a stored ref ({@code https://host/api/<type>/<uuid>#name}). */
    private static String profilePath(String ref) {
        String withoutName = ref.split("#", 2)[0];
        int api = withoutName.indexOf("/api/");
        return (api >= 0 ? withoutName.substring(api) : withoutName) + "?include_name=true";
    }

    /** The {@code #name} suffix of a ref read with {@code include_name}, or "". */
    static String refName(String ref) {
        int hash = ref.indexOf('#');
        return hash < 0 ? "" : ref.substring(hash + 1);
    }

    /** {@code addr/mask} of every configured subnet. */
    private static List<String> subnets(JsonNode network) {
        List<String> subnets = new ArrayList<>();
        network.path("configured_subnets").forEach(s -> {
            JsonNode prefix = s.path("prefix");
            subnets.add(prefix.path("ip_addr").path("addr").asText() + "/" + prefix.path("mask").asInt());
        });
        return subnets;
    }

    /** Whether two CIDRs denote the same subnet (host bits ignored, IPv4 or IPv6); false when either is not a CIDR. */
    static boolean sameSubnet(String a, String b) {
        byte[] left = network(a);
        byte[] right = network(b);
        return left != null && java.util.Arrays.equals(left, right) && mask(a) == mask(b);
    }

    private static int mask(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1).trim());
    }

    private static byte[] network(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        try {
            byte[] bytes = literalAddress(cidr.substring(0, slash).trim());
            int bits = mask(cidr);
            if (bytes == null || bits < 0 || bits > bytes.length * 8) {
                return null;
            }
            for (int i = 0; i < bytes.length; i++) {
                int keep = Math.max(0, Math.min(8, bits - i * 8));
                bytes[i] &= (byte) (0xFF << (8 - keep));
            }
            return bytes;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The bytes of an IPv4 or IPv6 literal, null for anything else (never a DNS lookup). */
    private static byte[] literalAddress(String address) {
        if (address.contains(":")) {
            try {
                return InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]").getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!octets[i].matches("\\d{1,3}") || Integer.parseInt(octets[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(octets[i]);
        }
        return bytes;
    }

    /** Numeric comparison of dotted versions ({@code 22.1.2} &lt; {@code 22.1.10}); a non-numeric suffix is ignored. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? leadingNumber(left[i]) : 0;
            int r = i < right.length ? leadingNumber(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int leadingNumber(String part) {
        String digits = part.replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
