package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node's address and pod CIDRs as AKO reads them, depending on the CNI plugin. Pure. */
final class NodeAddresses {
    static final String CALICO_ADDRESS = "projectcalico.org/IPv4Address";
    static final String ANTREA_ADDRESSES = "node.antrea.io/transport-addresses";
    static final String POD_CIDRS = "ako.vmware.com/pod-cidrs";
    static final String OVN_NODE_SUBNETS = "k8s.ovn.org/node-subnets";

    private NodeAddresses() {
    }

    /**
     * The node's IP: calico's or antrea's annotation when that CNI is configured and the annotation is present,
     * else the first IPv4 InternalIP (else the first InternalIP); null when the node has none.
     */
    static String ip(Node node, String cniPlugin) {
        Map<String, String> annotations = annotations(node);
        if ("calico".equals(cniPlugin) && annotations.containsKey(CALICO_ADDRESS)) {
            String value = annotations.get(CALICO_ADDRESS).trim();
            int slash = value.indexOf('/');
            return slash < 0 ? value : value.substring(0, slash);
        }
        if ("antrea".equals(cniPlugin) && annotations.containsKey(ANTREA_ADDRESSES)) {
            for (String address : annotations.get(ANTREA_ADDRESSES).split(",")) {
                if (!address.isBlank() && address.indexOf(':') < 0) {
                    return address.trim();
                }
            }
        }
        String first = null;
        if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
            for (NodeAddress address : node.getStatus().getAddresses()) {
                if ("InternalIP".equals(address.getType()) && address.getAddress() != null) {
                    if (address.getAddress().indexOf(':') < 0) {
                        return address.getAddress();
                    }
                    first = first == null ? address.getAddress() : first;
                }
            }
        }
        return first;
    }

    /**
     * The node's pod CIDRs: annotation {@code ako.vmware.com/pod-cidrs} (comma-separated), else for ovn-kubernetes
     * the {@code default} entry of {@code k8s.ovn.org/node-subnets}, else {@code spec.podCIDRs}, else {@code spec.podCIDR}.
     */
    static List<String> podCidrs(Node node, String cniPlugin) {
        Map<String, String> annotations = annotations(node);
        List<String> cidrs = new ArrayList<>();
        if (annotations.containsKey(POD_CIDRS)) {
            for (String cidr : annotations.get(POD_CIDRS).split(",")) {
                if (!cidr.isBlank()) {
                    cidrs.add(cidr.trim());
                }
            }
            return cidrs;
        }
        if ("ovn-kubernetes".equals(cniPlugin) && annotations.containsKey(OVN_NODE_SUBNETS)) {
            try {
                JsonNode subnets = AviJson.mapper().readTree(annotations.get(OVN_NODE_SUBNETS)).path("default");
                if (subnets.isTextual()) {
                    cidrs.add(subnets.asText());
                } else {
                    subnets.forEach(s -> cidrs.add(s.asText()));
                }
                return cidrs;
            } catch (Exception e) {
                cidrs.add("<" + OVN_NODE_SUBNETS + " is not JSON>");
                return cidrs;
            }
        }
        if (node.getSpec() != null && node.getSpec().getPodCIDRs() != null && !node.getSpec().getPodCIDRs().isEmpty()) {
            return node.getSpec().getPodCIDRs();
        }
        if (node.getSpec() != null && node.getSpec().getPodCIDR() != null && !node.getSpec().getPodCIDR().isEmpty()) {
            return List.of(node.getSpec().getPodCIDR());
        }
        return List.of();
    }

    private static Map<String, String> annotations(Node node) {
        return node.getMetadata() == null || node.getMetadata().getAnnotations() == null ? Map.of() : node.getMetadata().getAnnotations();
    }
}
