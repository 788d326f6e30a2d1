package io.akocamel.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * What the preflight learned about the controller's set-up. Fields the preflight could not read (it stops at the first
 * controller-level failure) are empty strings.
 *
 * @param controllerVersion the controller's own version ({@code /api/initial-data})
 * @param apiVersion        the {@code X-Avi-Version} this controller sends (configured, or discovered and capped)
 * @param clusterState      {@code /api/cluster/runtime} {@code cluster_state.state}
 * @param cloud             the configured cloud's name
 * @param cloudType         its {@code vtype}, e.g. CLOUD_VCENTER
 * @param ipamProfile       the cloud's IPAM profile name, and {@code ipamType} its type
 * @param dns               the cloud's DNS profile and its sub-domains ({@link DnsDomains#NONE} when it has none)
 * @param vipNetwork        the first VIP network's name, and {@code vipNetworkVrf} its VRF context
 */
public record DiscoveredFacts(String controllerVersion, String apiVersion, String clusterState, String cloud, String cloudType,
                              String ipamProfile, String ipamType, String dnsType, DnsDomains dns, String vipNetwork,
                              String vipNetworkVrf) {
    public static final DiscoveredFacts NONE = new DiscoveredFacts("", "", "", "", "", "", "", "", DnsDomains.NONE, "", "");

    /** Readable lines for the log and {@code plan --controller}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Avi Controller version: " + known(controllerVersion) + " (X-Avi-Version " + known(apiVersion) + "), cluster "
                + known(clusterState));
        lines.add("Cloud: " + known(cloud) + " (" + known(cloudType) + ")");
        lines.add("IPAM profile: " + (ipamProfile.isEmpty() ? "none" : ipamProfile + " (" + known(ipamType) + ")"));
        if (dns.profileName().isEmpty()) {
            lines.add("DNS profile: none (every Ingress host is accepted; no DNS records are published)");
        } else {
            lines.add("DNS profile: " + dns.profileName() + " (" + known(dnsType) + "), sub-domains: "
                    + (dns.isEmpty() ? "none" : String.join(", ", dns.subDomains())));
        }
        lines.add("VIP network: " + known(vipNetwork) + ", VRF " + known(vipNetworkVrf));
        return lines;
    }

    private static String known(String value) {
        return value.isEmpty() ? "unknown" : value;
    }
}
