package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.util.Versions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The controller's identity: its version (what {@code /login} and {@code /api/initial-data} report, and the newest
 * {@code X-Avi-Version} it accepts), its single cluster node and since when it is up (AKO restarts when the leader's
 * name or {@code up_since} changes, so both stay fixed for the simulator's lifetime).
 */
record ControllerInfo(String version, Instant upSince, String nodeName) {
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");
    private static final DateTimeFormatter UP_SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    ControllerInfo {
        if (!isVersion(version)) {
            throw new IllegalArgumentException("controller version must look like 22.1.2: " + version);
        }
    }

    static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /** Whether a client's {@code X-Avi-Version} is one this controller serves (not newer than itself). */
    boolean accepts(String requested) {
        return isVersion(requested) && Versions.compare(requested, version) <= 0;
    }

    ObjectNode versionJson() {
        return Json.object()
                .put("build", 9001)
                .put("Tag", version + "-9001-20230401.000000")
                .put("ProductName", "Avi Cloud Controller")
                .put("min_version", "15.2")
                .put("Version", version)
                .put("Product", "controller")
                .put("Date", "2023-04-01T00:00:00+00:00");
    }

    ObjectNode clusterRuntime(String state) {
        ObjectNode runtime = Json.object();
        runtime.putObject("cluster_state").put("state", state).put("up_since", UP_SINCE.format(upSince));
        runtime.putArray("node_states").addObject()
                .put("name", nodeName)
                .put("role", "CLUSTER_LEADER")
                .put("up_since", UP_SINCE.format(upSince))
                .put("state", state.startsWith("CLUSTER_UP") ? "CLUSTER_ACTIVE" : "CLUSTER_STARTING");
        return runtime;
    }

    ObjectNode clusterStatus(String state) {
        ObjectNode status = Json.object();
        status.putObject("cluster_state").put("state", state).put("progress", state.startsWith("CLUSTER_UP") ? 100 : 50)
                .put("up_since", UP_SINCE.format(upSince));
        return status;
    }

    ObjectNode cluster(String baseUrl) {
        ObjectNode cluster = Json.object()
                .put("url", baseUrl + "/api/cluster")
                .put("uuid", "cluster-0-1")
                .put("name", "cluster-0-1")
                .put("tenant_ref", baseUrl + "/api/tenant/admin");
        ObjectNode node = cluster.putArray("nodes").addObject().put("name", nodeName);
        node.putObject("ip").put("addr", nodeName).put("type", "V4");
        return cluster;
    }

    ObjectNode systemConfiguration(String baseUrl) {
        ObjectNode config = Json.object()
                .put("url", baseUrl + "/api/systemconfiguration")
                .put("uuid", "default")
                .put("default_license_tier", "ENTERPRISE");
        config.putObject("portal_configuration")
                .put("allow_basic_authentication", false)
                .put("api_force_timeout", 24)
                .put("use_uuid_from_input", false);
        return config;
    }
}
