package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.akocamel.kubeapi.CellFormat.age;
import static io.akocamel.kubeapi.CellFormat.name;
import static io.akocamel.kubeapi.CellFormat.orNone;

/** Namespace, Node, Pod, Secret, ConfigMap and Lease as {@code kubectl get} prints them from a real API server. */
final class CorePrinters {
    private static final String UNKNOWN = "<unknown>";

    static final TablePrinter NAMESPACE = new TablePrinter(List.of(Column.NAME,
            Column.of("Status", "The status of the namespace"), Column.AGE),
            (o, now) -> List.of(name(o), o.path("status").path("phase").asText("Active"), age(o, now)));

    static final TablePrinter SECRET = new TablePrinter(List.of(Column.NAME,
            Column.of("Type", "The type of the secret"), Column.of("Data", "The number of entries in data"), Column.AGE),
            (o, now) -> List.of(name(o), o.path("type").asText("Opaque"), o.path("data").size(), age(o, now)));

    static final TablePrinter CONFIG_MAP = new TablePrinter(List.of(Column.NAME,
            Column.of("Data", "The number of entries in data and binaryData"), Column.AGE),
            (o, now) -> List.of(name(o), o.path("data").size() + o.path("binaryData").size(), age(o, now)));

    static final TablePrinter LEASE = new TablePrinter(List.of(Column.NAME,
            Column.of("Holder", "The holder of the lease"), Column.AGE),
            (o, now) -> List.of(name(o), o.path("spec").path("holderIdentity").asText(""), age(o, now)));

    static final TablePrinter NODE = new TablePrinter(List.of(Column.NAME,
            Column.of("Status", "The status of the node"), Column.of("Roles", "The roles of the node"), Column.AGE,
            Column.of("Version", "Kubelet Version reported by the node."),
            Column.wide("Internal-IP", "The node's internal IP"), Column.wide("External-IP", "The node's external IP"),
            Column.wide("OS-Image", "OS Image reported by the node"), Column.wide("Kernel-Version", "Kernel Version reported by the node"),
            Column.wide("Container-Runtime", "Container Runtime Version reported by the node")),
            (o, now) -> {
                JsonNode info = o.path("status").path("nodeInfo");
                return List.of(name(o), nodeStatus(o), roles(o.path("metadata").path("labels")), age(o, now), info.path("kubeletVersion").asText(""),
                        address(o, "InternalIP"), address(o, "ExternalIP"), info.path("osImage").asText(UNKNOWN),
                        info.path("kernelVersion").asText(UNKNOWN), info.path("containerRuntimeVersion").asText(UNKNOWN));
            });

    static final TablePrinter POD = new TablePrinter(List.of(Column.NAME,
            Column.of("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            Column.of("Status", "The aggregate status of the containers in this pod."),
            Column.of("Restarts", "The number of times the containers in this pod have been restarted"), Column.AGE,
            Column.wide("IP", "IP address allocated to the pod."), Column.wide("Node", "Name of the Node this pod runs on."),
            Column.wide("Nominated Node", "Name of the node nominated by the scheduler."),
            Column.wide("Readiness Gates", "Readiness gates of the pod.")),
            (o, now) -> {
                JsonNode statuses = o.path("status").path("containerStatuses");
                int ready = 0;
                int restarts = 0;
                for (JsonNode status : statuses) {
                    ready += status.path("ready").asBoolean() ? 1 : 0;
                    restarts += status.path("restartCount").asInt();
                }
                String phase = o.path("metadata").hasNonNull("deletionTimestamp") ? "Terminating"
                        : o.path("status").path("reason").asText(o.path("status").path("phase").asText("Pending"));
                return List.of(name(o), ready + "/" + o.path("spec").path("containers").size(), phase, restarts, age(o, now),
                        orNone(o.path("status").path("podIP").asText("")), orNone(o.path("spec").path("nodeName").asText("")),
                        orNone(o.path("status").path("nominatedNodeName").asText("")), CellFormat.NONE);
            });

    private CorePrinters() {
    }

    private static String nodeStatus(JsonNode node) {
        List<String> status = new ArrayList<>();
        node.path("status").path("conditions").forEach(c -> {
            if ("Ready".equals(c.path("type").asText())) {
                status.add("True".equals(c.path("status").asText()) ? "Ready" : "NotReady");
            }
        });
        if (status.isEmpty()) {
            status.add("Unknown");
        }
        if (node.path("spec").path("unschedulable").asBoolean()) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    private static String roles(JsonNode labels) {
        TreeSet<String> roles = new TreeSet<>();
        labels.fields().forEachRemaining(label -> {
            if (label.getKey().startsWith("node-role.kubernetes.io/")) {
                roles.add(label.getKey().substring("node-role.kubernetes.io/".length()));
            } else if (label.getKey().equals("kubernetes.io/role")) {
                roles.add(label.getValue().asText());
            }
        });
        roles.remove("");
        return roles.isEmpty() ? CellFormat.NONE : String.join(",", roles);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode address : node.path("status").path("addresses")) {
            if (type.equals(address.path("type").asText())) {
                return address.path("address").asText();
            }
        }
        return CellFormat.NONE;
    }
}
