package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.admission.Problem;
import io.akocamel.admission.ServiceUsability;
import io.akocamel.config.Settings.NodePortSelector;
import io.akocamel.model.ModelWarning.Reason;
import io.akocamel.model.ParsedIngress.Backend;
import io.akocamel.model.Specs.Server;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pool servers of one backend in the configured routing mode (AKO's ClusterIP, NodePort and NodePortLocal).
 * Every problem gives an empty server list and a warning, never an exception. One instance per build (it keeps the
 * build's node list); results are remembered across builds in the shard's {@link Memo}.
 */
final class ServerResolver {
    static final String NPL_ANNOTATION = "nodeportlocal.antrea.io";

    /** The servers, or none and the reason with a message saying what is wrong and how to fix it. */
    record Resolution(List<Server> servers, Reason problem, String message) {
        static Resolution ok(List<Server> servers) {
            return new Resolution(servers, null, null);
        }

        static Resolution fail(Reason reason, String message) {
            return new Resolution(List.of(), reason, message);
        }
    }

    private record NodeTarget(String name, String ip) {
    }

    private final BuildContext ctx;
    private final ClusterView cluster;
    private final Memo memo;
    private final Map<Backend, Resolution> resolved = new IdentityHashMap<>();
    private List<NodeTarget> nodes;
    private Object nodesVersion;

    ServerResolver(BuildContext ctx, ClusterView cluster, Memo memo) {
        this.ctx = ctx;
        this.cluster = cluster;
        this.memo = memo;
    }

    /**
     * The servers of {@code backend} (a Service in {@code namespace}, the namespace of the Ingress the backend belongs
     * to); a problem's message does not say which path uses the backend. The same instance as last build while the
     * backend (an object of a remembered parse) and the Kubernetes objects its servers come from are the same.
     */
    Resolution resolve(String namespace, Backend backend) {
        Resolution known = resolved.get(backend);
        if (known == null) {
            known = lookUp(namespace, backend);
            resolved.put(backend, known);
        }
        return known;
    }

    private Resolution lookUp(String namespace, Backend backend) {
        Optional<Service> service = cluster.service(namespace, backend.service());
        List<Object> inputs = new ArrayList<>(3);
        inputs.add(service.orElse(null));
        switch (ctx.serviceType()) {
            case ClusterIP -> inputs.add(cluster.endpointSlices(namespace, backend.service()));
            case NodePort -> {
                inputs.add(nodesVersion());
                inputs.add(cluster.endpointSlices(namespace, backend.service()));
            }
            case NodePortLocal -> service.map(s -> s.getSpec() == null ? null : s.getSpec().getSelector())
                    .ifPresent(selector -> inputs.add(cluster.pods(namespace, selector)));
        }
        return memo.reuseForInstance(backend, inputs, () -> compute(namespace, backend));
    }

    /** A token that stays the same object while the nodes are the same objects. */
    private Object nodesVersion() {
        if (nodesVersion == null) {
            nodesVersion = memo.reuse("nodes", List.copyOf(cluster.nodes()), Object::new);
        }
        return nodesVersion;
    }

    private Resolution compute(String namespace, Backend backend) {
        String svcName = namespace + "/" + backend.service();
        Optional<Service> found = cluster.service(namespace, backend.service());
        if (found.isEmpty()) {
            return Resolution.fail(Reason.ServiceNotFound, "Service " + svcName
                    + " does not exist, so its pool has no servers; create the Service or fix backend.service.name");
        }
        Service service = found.get();
        Problem unusable = ServiceUsability.problem(service);
        if (unusable != null) {
            return Resolution.fail(Reason.valueOf(unusable.reason()), unusable.message());
        }
        String type = service.getSpec() == null || service.getSpec().getType() == null ? "ClusterIP" : service.getSpec().getType();
        ServicePort port = servicePort(service, backend);
        if (port == null) {
            return Resolution.fail(Reason.PortNotResolved, "Service " + svcName + " has no port " + backend.portText()
                    + " (its ports: " + portList(service) + "); fix backend.service.port");
        }
        return switch (ctx.serviceType()) {
            case ClusterIP -> Resolution.ok(clusterIpServers(namespace, service, port));
            case NodePort -> nodePortServers(namespace, service, port, type, svcName);
            case NodePortLocal -> Resolution.ok(nodePortLocalServers(namespace, service, port));
        };
    }

    private static ServicePort servicePort(Service service, Backend backend) {
        if (service.getSpec() == null || service.getSpec().getPorts() == null) {
            return null;
        }
        for (ServicePort p : service.getSpec().getPorts()) {
            if (backend.portName().isEmpty() ? p.getPort() != null && p.getPort() == backend.portNumber()
                    : backend.portName().equals(p.getName())) {
                return p;
            }
        }
        return null;
    }

    private static String portList(Service service) {
        if (service.getSpec() == null || service.getSpec().getPorts() == null || service.getSpec().getPorts().isEmpty()) {
            return "none";
        }
        return service.getSpec().getPorts().stream()
                .map(p -> p.getPort() + (p.getName() == null || p.getName().isEmpty() ? "" : "/" + p.getName()))
                .collect(Collectors.joining(", "));
    }

    /** EndpointSlice addresses with the endpoint port matching the Service port's name or target port number. */
    private List<Server> clusterIpServers(String namespace, Service service, ServicePort port) {
        List<EndpointSlice> slices = cluster.endpointSlices(namespace, service.getMetadata().getName());
        String portName = port.getName() == null ? "" : port.getName();
        Integer targetNumber = targetNumber(port);
        Map<String, Server> servers = new LinkedHashMap<>();
        for (EndpointSlice slice : slices) {
            if ("FQDN".equals(slice.getAddressType()) || slice.getEndpoints() == null) {
                continue;
            }
            Integer endpointPort = endpointPort(slice, portName, targetNumber, slices.size() == 1);
            if (endpointPort == null) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints()) {
                if (endpoint.getAddresses() == null || endpoint.getAddresses().isEmpty()) {
                    continue;
                }
                String ip = endpoint.getAddresses().get(0);
                boolean enabled = endpoint.getConditions() == null
                        || !Boolean.FALSE.equals(endpoint.getConditions().getReady()) && !Boolean.TRUE.equals(endpoint.getConditions().getTerminating());
                servers.putIfAbsent(ip + ":" + endpointPort, new Server(ip, endpointPort, enabled, endpoint.getNodeName()));
            }
        }
        return sorted(servers);
    }

    private static Integer endpointPort(EndpointSlice slice, String portName, Integer targetNumber, boolean onlySlice) {
        List<EndpointPort> ports = slice.getPorts() == null ? List.of() : slice.getPorts();
        for (EndpointPort p : ports) {
            String name = p.getName() == null ? "" : p.getName();
            if (p.getPort() != null && (name.equals(portName) || targetNumber != null && targetNumber.equals(p.getPort()))) {
                return p.getPort();
            }
        }
        // AKO: a single slice with a single port always matches
        return onlySlice && ports.size() == 1 ? ports.get(0).getPort() : null;
    }

    private static Integer targetNumber(ServicePort port) {
        IntOrString target = port.getTargetPort();
        if (target == null) {
            return port.getPort();
        }
        return target.getIntVal() != null ? target.getIntVal() : null;
    }

    /** Every (selected) node's address with the Service's nodePort; with externalTrafficPolicy Local only endpoint nodes. */
    private Resolution nodePortServers(String namespace, Service service, ServicePort port, String type, String svcName) {
        if (!type.equals("NodePort") && !type.equals("LoadBalancer")) {
            return Resolution.fail(Reason.UnsupportedServiceType, "Service " + svcName + " is of type " + type
                    + " but L7Settings.serviceType is NodePort, so it has no node port to send traffic to; "
                    + "change the Service to type NodePort (or LoadBalancer)");
        }
        if (port.getNodePort() == null || port.getNodePort() <= 0) {
            return Resolution.fail(Reason.PortNotResolved, "Service " + svcName + " port " + port.getPort()
                    + " has no nodePort yet; the pool gets servers once Kubernetes assigns one");
        }
        Map<String, Boolean> endpointNodes = null;
        if ("Local".equals(service.getSpec().getExternalTrafficPolicy())) {
            endpointNodes = new HashMap<>();
            for (EndpointSlice slice : cluster.endpointSlices(namespace, service.getMetadata().getName())) {
                if (slice.getEndpoints() == null) {
                    continue;
                }
                for (Endpoint e : slice.getEndpoints()) {
                    if (e.getNodeName() != null) {
                        boolean ready = e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady());
                        endpointNodes.merge(e.getNodeName(), ready, Boolean::logicalOr);
                    }
                }
            }
        }
        Map<String, Server> servers = new LinkedHashMap<>();
        for (NodeTarget node : nodes()) {
            if (endpointNodes == null || endpointNodes.containsKey(node.name())) {
                boolean enabled = endpointNodes == null || endpointNodes.get(node.name());
                servers.putIfAbsent(node.ip() + ":" + port.getNodePort(), new Server(node.ip(), port.getNodePort(), enabled, node.name()));
            }
        }
        return Resolution.ok(sorted(servers));
    }

    private List<NodeTarget> nodes() {
        if (nodes == null) {
            NodePortSelector selector = ctx.nodePortSelector();
            List<NodeTarget> list = new ArrayList<>();
            for (Node node : cluster.nodes()) {
                Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
                if (selector.isSet() && !selector.value().equals(labels.get(selector.key()))) {
                    continue;
                }
                String ip = NodeAddresses.ip(node, ctx.cniPlugin());
                if (ip != null) {
                    list.add(new NodeTarget(node.getMetadata().getName(), ip));
                }
            }
            nodes = list;
        }
        return nodes;
    }

    /** Antrea NodePortLocal: the pods' {@code nodeportlocal.antrea.io} entries whose podPort is the target port. */
    private List<Server> nodePortLocalServers(String namespace, Service service, ServicePort port) {
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        Map<String, Server> servers = new LinkedHashMap<>();
        for (Pod pod : cluster.pods(namespace, selector)) {
            if (!isReady(pod)) {
                continue;
            }
            Integer podPort = podPort(pod, port);
            String annotation = pod.getMetadata().getAnnotations() == null ? null : pod.getMetadata().getAnnotations().get(NPL_ANNOTATION);
            if (podPort == null || annotation == null) {
                continue;
            }
            JsonNode entries;
            try {
                entries = AviJson.mapper().readTree(annotation);
            } catch (Exception e) {
                continue; // Antrea rewrites a broken annotation; the pod is skipped until then
            }
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            for (JsonNode entry : entries) {
                if (entry.path("podPort").asInt(-1) == podPort && entry.hasNonNull("nodeIP") && entry.path("nodePort").asInt(0) > 0) {
                    String ip = entry.get("nodeIP").asText();
                    int nodePort = entry.get("nodePort").asInt();
                    servers.putIfAbsent(ip + ":" + nodePort, new Server(ip, nodePort, true, node));
                }
            }
        }
        return sorted(servers);
    }

    private static boolean isReady(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return true;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if ("Ready".equals(c.getType()) && "False".equals(c.getStatus())) {
                return false;
            }
        }
        return true;
    }

    /** The target port as a number: given as a number, or the pod's container port of that name. */
    private static Integer podPort(Pod pod, ServicePort port) {
        IntOrString target = port.getTargetPort();
        if (target == null) {
            return port.getPort();
        }
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return null;
        }
        for (Container c : pod.getSpec().getContainers()) {
            for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                if (target.getStrVal().equals(p.getName())) {
                    return p.getContainerPort();
                }
            }
        }
        return null;
    }

    private static List<Server> sorted(Map<String, Server> byAddress) {
        List<Server> list = new ArrayList<>(byAddress.values());
        list.sort(null);
        return List.copyOf(list);
    }
}
