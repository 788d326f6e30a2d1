package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.akocamel.kubeapi.CellFormat.age;
import static io.akocamel.kubeapi.CellFormat.firstThree;
import static io.akocamel.kubeapi.CellFormat.name;
import static io.akocamel.kubeapi.CellFormat.texts;

/** Service, EndpointSlice and Endpoints as {@code kubectl get} prints them from a real API server. */
final class ServicePrinters {
    static final TablePrinter SERVICE = new TablePrinter(List.of(Column.NAME,
            Column.of("Type", "Determines how the Service is exposed"),
            Column.of("Cluster-IP", "ClusterIP is the IP address of the service"),
            Column.of("External-IP", "The list of external IPs the service is reachable on"),
            Column.of("Port(s)", "The list of ports that are exposed by this service"),
            Column.AGE,
            Column.wide("Selector", "Route service traffic to pods with label keys and values matching this selector")),
            (o, now) -> {
                JsonNode spec = o.path("spec");
                String type = spec.path("type").asText("ClusterIP");
                List<String> clusterIps = texts(spec.path("clusterIPs"), "");
                String clusterIp = clusterIps.isEmpty() ? CellFormat.orNone(spec.path("clusterIP").asText("")) : clusterIps.get(0);
                String ports = ports(spec.path("ports"));
                return List.of(name(o), type, clusterIp, externalIp(type, o), ports.isEmpty() ? CellFormat.NONE : ports, age(o, now),
                        CellFormat.labels(spec.path("selector")));
            });

    static final TablePrinter ENDPOINT_SLICE = new TablePrinter(List.of(Column.NAME,
            Column.of("AddressType", "The type of address carried by this EndpointSlice"),
            Column.of("Ports", "The ports exposed by each endpoint"),
            Column.of("Endpoints", "The addresses of the endpoints"),
            Column.AGE),
            (o, now) -> {
                List<String> ports = new ArrayList<>();
                o.path("ports").forEach(p -> ports.add(p.hasNonNull("port") ? p.path("port").asText() : p.path("name").asText("*")));
                List<String> addresses = new ArrayList<>();
                o.path("endpoints").forEach(e -> addresses.addAll(texts(e.path("addresses"), "")));
                return List.of(name(o), o.path("addressType").asText(""), firstThree(ports), firstThree(addresses), age(o, now));
            });

    static final TablePrinter ENDPOINTS = new TablePrinter(List.of(Column.NAME,
            Column.of("Endpoints", "Endpoints of the service"), Column.AGE),
            (o, now) -> {
                List<String> endpoints = new ArrayList<>();
                o.path("subsets").forEach(subset -> subset.path("addresses").forEach(a -> {
                    if (subset.path("ports").isEmpty()) {
                        endpoints.add(a.path("ip").asText());
                    }
                    subset.path("ports").forEach(p -> endpoints.add(a.path("ip").asText() + ":" + p.path("port").asText()));
                }));
                return List.of(name(o), endpoints.isEmpty() ? CellFormat.NONE : firstThree(endpoints), age(o, now));
            });

    private ServicePrinters() {
    }

    private static String ports(JsonNode ports) {
        List<String> out = new ArrayList<>();
        ports.forEach(p -> out.add(p.path("port").asText() + (p.path("nodePort").asInt() > 0 ? ":" + p.path("nodePort").asText() : "")
                + "/" + p.path("protocol").asText("TCP")));
        return String.join(",", out);
    }

    private static String externalIp(String type, JsonNode service) {
        List<String> external = texts(service.path("spec").path("externalIPs"), "");
        return switch (type) {
            case "ClusterIP", "NodePort" -> external.isEmpty() ? CellFormat.NONE : String.join(",", external);
            case "LoadBalancer" -> {
                List<String> all = new ArrayList<>();
                String balancer = IngressPrinters.address(service.path("status").path("loadBalancer").path("ingress"));
                if (!balancer.isEmpty()) {
                    all.add(balancer);
                }
                all.addAll(external);
                yield all.isEmpty() ? "<pending>" : String.join(",", all);
            }
            case "ExternalName" -> service.path("spec").path("externalName").asText("");
            default -> "<unknown>";
        };
    }
}
