package io.akocamel.preflight;

import java.util.List;

/**
 * What each failed check tells the operator: the setting concerned, what the controller has instead, and how to fix
 * it (which values key or environment variable to change, or what to create on the controller).
 */
final class PreflightMessages {
    private PreflightMessages() {
    }

    static String unreachable(String what) {
        return "ControllerSettings.controllerHost: " + what + "; check the address (values ControllerSettings.controllerHost, "
                + "env CTRL_IPADDRESS), that the controller is up, and that this pod can reach it (firewall, network policy)";
    }

    static String readFailed(String path, String controller, String error) {
        return "ControllerSettings.controllerHost: reading " + path + " from the Avi Controller at " + controller + " failed (" + error
                + "); check that the controller is healthy";
    }

    static String clusterNotUp(String controller, String clusterState, List<String> nodes) {
        return "ControllerSettings.controllerHost: the Avi Controller cluster at " + controller + " is not up (cluster state "
                + clusterState + (nodes.isEmpty() ? "" : "; nodes: " + String.join(", ", nodes)) + "); wait until it is "
                + "CLUSTER_UP_NO_HA, CLUSTER_UP_HA_ACTIVE or CLUSTER_UP_HA_COMPROMISED, or repair the controller cluster";
    }

    static String versionTooNew(String configured, String controllerVersion, String why) {
        String fix = controllerVersion.isEmpty() ? "an older version" : controllerVersion + " or older";
        return "ControllerSettings.controllerVersion: " + configured + " is not accepted (" + why + "); set controllerVersion to " + fix
                + ", or leave it empty to use the controller's own version (values ControllerSettings.controllerVersion, env CTRL_VERSION)";
    }

    static String tenantMissing(String tenant, String detail) {
        return "ControllerSettings.tenantName: there is no tenant '" + tenant + "' on the Avi Controller (" + detail + "); create it "
                + "(Administration > Tenants), or set tenantName to an existing tenant (values ControllerSettings.tenantName, env "
                + "TENANT_NAME; default admin)";
    }

    static String tenantUnreadable(String tenant, String error, String username) {
        return "ControllerSettings.tenantName: reading tenant '" + tenant + "' from the Avi Controller failed (" + error
                + "); check that user '" + username + "' may read tenants and that the controller is healthy";
    }

    static String cloudMissing(String cloudName, String existing) {
        return "ControllerSettings.cloudName: there is no cloud '" + cloudName + "' on the Avi Controller (it has: " + existing
                + "); create it, or set cloudName to one of those (values ControllerSettings.cloudName, env CLOUD_NAME)";
    }

    static String noIpamProfile(String cloudName) {
        return "ControllerSettings.cloudName: cloud '" + cloudName + "' has no IPAM profile, so no VIP can be allocated; create an "
                + "IPAM profile with the VIP network as a usable network (Templates > Profiles > IPAM/DNS Profiles) and select it "
                + "as the cloud's IPAM profile";
    }

    static String ipamProfileGone(String cloudName) {
        return "ControllerSettings.cloudName: the IPAM profile of cloud '" + cloudName + "' does not exist any more; "
                + "select an existing IPAM profile with the VIP network as a usable network for the cloud";
    }

    static String dnsProfileMissing(String cloudName, String what) {
        return "ControllerSettings.cloudName: cloud '" + cloudName + "' " + what + ", so Avi DNS publishes no record "
                + "for Ingress hosts; create a DNS profile whose domains cover the Ingress hosts (Templates > Profiles > IPAM/DNS "
                + "Profiles) and select it as the cloud's DNS profile, or set akoCamel.preflight.requireDnsProfile: false to run "
                + "without Avi DNS";
    }

    static String dnsNotRegistered(String cloudName) {
        return "ControllerSettings.cloudName: cloud '" + cloudName + "' has no DNS profile: Ingress hosts are served, but DNS is "
                + "not registered (Avi DNS publishes no record for them); create a DNS profile whose domains cover the Ingress "
                + "hosts and select it as the cloud's DNS profile, or publish the hosts' records in your own DNS "
                + "(akoCamel.preflight.requireDnsProfile: true holds every write back until the cloud has one)";
    }

    static String serviceEngineGroupMissing(String group, String cloudName, String existing) {
        return "ControllerSettings.serviceEngineGroupName: there is no SE group '" + group + "' in cloud '" + cloudName
                + "' (the cloud has: " + existing + "); create it in that cloud, or set serviceEngineGroupName to one of those "
                + "(values ControllerSettings.serviceEngineGroupName, env SEG_NAME)";
    }

    static String infraSettingObjectMissing(String setting, String field, String what, String name, String cloudName) {
        return "AviInfraSetting " + setting + " " + field + ": there is no " + what + " '" + name + "' in cloud '" + cloudName
                + "'; the setting is Rejected and the Ingresses that name it stay on the default virtual services until it is "
                + "created there or the setting is corrected (nothing else waits for it)";
    }

    static String networkNameMissing(String setting, String networkName, String cloudName, String existing) {
        return setting + ".networkName: there is no network '" + networkName + "' in cloud '" + cloudName
                + "' (the cloud has: " + existing + "); create it, or set networkName to one of those";
    }

    static String networkUuidMissing(String setting, String uuid, String cloudName, String existingWithUuids) {
        return setting + ".networkUUID: there is no network with uuid '" + uuid + "' on the Avi Controller "
                + "(networks of cloud '" + cloudName + "': " + existingWithUuids + "); set networkUUID to one of those";
    }

    static String networkOfOtherCloud(String setting, String network, String uuid, String networkCloud, String cloudName) {
        return setting + ".networkUUID: network '" + network + "' (" + uuid + ") belongs to cloud '" + networkCloud
                + "', not to cloud '" + cloudName + "'; use a network of cloud '" + cloudName + "'";
    }

    static String subnetMissing(String setting, String network, String cidr, List<String> subnets) {
        return setting + ": network '" + network + "' has no subnet " + cidr + " (it has: " + (subnets.isEmpty() ? "none"
                : String.join(", ", subnets)) + "); add that subnet with a static range for VIPs to the network, or set "
                + setting.substring(setting.lastIndexOf('.') + 1) + " to one of its subnets";
    }

    static String vrfMissing(String which, String cloudName, String existing) {
        return "ControllerSettings.vrfName: " + which + " in cloud '" + cloudName + "' (the cloud has: " + existing
                + "); create it, or set vrfName to one of those (values ControllerSettings.vrfName, env VRF_NAME)";
    }
}
