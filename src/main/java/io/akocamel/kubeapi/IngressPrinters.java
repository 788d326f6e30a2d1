package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.akocamel.kubeapi.CellFormat.age;
import static io.akocamel.kubeapi.CellFormat.name;
import static io.akocamel.kubeapi.CellFormat.orNone;

/** Ingress and IngressClass as {@code kubectl get} prints them from a real API server. */
final class IngressPrinters {
    static final TablePrinter INGRESS = new TablePrinter(List.of(Column.NAME,
            Column.of("Class", "The name of the IngressClass resource that should be used for ingress"),
            Column.of("Hosts", "Hosts that incoming requests are matched against before the ingress rule"),
            Column.of("Address", "Address is a list containing ingress points for the load-balancer"),
            Column.of("Ports", "Ports of TLS configurations that open"),
            Column.AGE),
            (o, now) -> List.of(name(o), orNone(o.path("spec").path("ingressClassName").asText("")), hosts(o.path("spec").path("rules")),
                    address(o.path("status").path("loadBalancer").path("ingress")),
                    o.path("spec").path("tls").size() > 0 ? "80, 443" : "80", age(o, now)));

    static final TablePrinter INGRESS_CLASS = new TablePrinter(List.of(Column.NAME,
            Column.of("Controller", "Controller that is responsible for handling this class"),
            Column.of("Parameters", "A reference to a resource with additional parameters"),
            Column.AGE),
            (o, now) -> List.of(name(o), o.path("spec").path("controller").asText(""), parameters(o.path("spec").path("parameters")), age(o, now)));

    private IngressPrinters() {
    }

    /** formatHosts: the first three hosts, {@code *} when no rule names one. */
    private static String hosts(JsonNode rules) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, rules.size()); i++) {
            String host = rules.get(i).path("host").asText("");
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        if (hosts.isEmpty()) {
            return "*";
        }
        return String.join(",", hosts) + (rules.size() > 3 ? " + " + (rules.size() - 3) + " more..." : "");
    }

    /** Every load-balancer IP (or hostname when it has none), sorted and without repeats. */
    static String address(JsonNode loadBalancerIngress) {
        TreeSet<String> addresses = new TreeSet<>();
        loadBalancerIngress.forEach(entry -> {
            String ip = entry.path("ip").asText("");
            String host = entry.path("hostname").asText("");
            if (!ip.isEmpty()) {
                addresses.add(ip);
            } else if (!host.isEmpty()) {
                addresses.add(host);
            }
        });
        return String.join(",", addresses);
    }

    private static String parameters(JsonNode parameters) {
        if (parameters.isMissingNode() || parameters.isNull()) {
            return CellFormat.NONE;
        }
        String group = parameters.path("apiGroup").asText("");
        return parameters.path("kind").asText("") + (group.isEmpty() ? "" : "." + group) + "/" + parameters.path("name").asText("");
    }
}
