package io.akocamel.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.Naming;
import io.akocamel.simulator.AviSimulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What AKO leaves on a controller for cluster {@code cluster-1} (its names, {@code created_by}, markers, datascript and
 * pool groups, as ako-behaviour describes them), written into the simulator shard by shard: children first, as AKO does.
 */
final class AkoShapedState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLUSTER = "cluster-1";
    private static final String CREATED_BY = "ako-" + CLUSTER;
    private static final String TENANT = "/api/tenant/?name=admin";
    private static final String CLOUD = "/api/cloud?name=vcenter-cloud";

    /** One Ingress path as AKO saw it. */
    record AkoPath(String namespace, String ingress, String host, String path, String backendIp, int port) {
        String pathPart() {
            return path.replace('/', '_');
        }
    }

    private final AviSimulator avi;
    private final Naming naming;
    private final Map<String, List<AkoPath>> insecure = new LinkedHashMap<>();
    private final Map<String, List<AkoPath>> secure = new LinkedHashMap<>();
    private final Map<String, String[]> keyPairs = new LinkedHashMap<>();

    AkoShapedState(AviSimulator avi, Naming naming) {
        this.avi = avi;
        this.naming = naming;
    }

    AkoShapedState insecure(AkoPath path) {
        insecure.computeIfAbsent(path.host(), h -> new ArrayList<>()).add(path);
        return this;
    }

    AkoShapedState secure(AkoPath path, String certificatePem, String keyPem) {
        secure.computeIfAbsent(path.host(), h -> new ArrayList<>()).add(path);
        keyPairs.put(path.host(), new String[] {certificatePem, keyPem});
        return this;
    }

    /** The names AKO gives that ako-camel does not: what must be collected once adopted. */
    List<String> akoOnlyObjects() {
        List<String> names = new ArrayList<>();
        for (String vs : shards()) {
            names.add("vsdatascriptset/" + vs);
            names.add("poolgroup/" + vs);
        }
        insecure.values().forEach(paths -> paths.forEach(p -> names.add("pool/" + insecurePool(p))));
        secure.values().forEach(paths -> paths.forEach(p -> {
            names.add("poolgroup/" + sniPool(p));
            names.add("httppolicyset/" + CLUSTER + "--" + p.namespace() + "-" + p.host());
        }));
        return names;
    }

    List<String> shards() {
        List<String> shards = new ArrayList<>();
        insecure.keySet().forEach(h -> addOnce(shards, naming.shardVsName(h)));
        secure.keySet().forEach(h -> addOnce(shards, naming.shardVsName(h)));
        return shards;
    }

    void write() {
        for (String vs : shards()) {
            writeShard(vs);
        }
    }

    private void writeShard(String vs) {
        List<String> hosts = new ArrayList<>();
        insecure.keySet().stream().filter(h -> naming.shardVsName(h).equals(vs)).forEach(hosts::add);
        List<String> tlsHosts = secure.keySet().stream().filter(h -> naming.shardVsName(h).equals(vs)).toList();
        hosts.addAll(tlsHosts);

        ObjectNode vip = owned(vs, false);
        vip.remove("created_by");
        vip.put("cloud_ref", CLOUD).put("east_west_placement", false).put("vsvip_cloud_config_cksum", "1234");
        ArrayNode dns = vip.putArray("dns_info");
        hosts.forEach(h -> dns.addObject().put("fqdn", h));
        ObjectNode v = vip.putArray("vip").addObject().put("vip_id", "0").put("auto_allocate_ip", true);
        v.putObject("ipam_network_subnet").put("network_ref", "/api/network/?name=vip-network");
        avi.create("vsvip", vip);

        ObjectNode group = owned(vs, true).put("cloud_ref", CLOUD).put("implicit_priority_labels", true);
        ArrayNode members = group.putArray("members");
        for (String host : hosts) {
            for (AkoPath p : insecure.getOrDefault(host, List.of())) {
                avi.create("pool", pool(insecurePool(p), p));
                members.addObject().put("pool_ref", "/api/pool?name=" + insecurePool(p))
                        .put("priority_label", (p.host() + p.path()).toLowerCase()).put("ratio", 100);
            }
        }
        avi.create("poolgroup", group);
        ObjectNode script = owned(vs, false);
        script.putArray("datascript").addObject().put("evt", "VS_DATASCRIPT_EVT_HTTP_REQ")
                .put("script", "host = avi.http.get_host_tokens(1)\navi.poolgroup.select('" + vs + "', host)");
        script.putArray("pool_group_refs").add("/api/poolgroup/?name=" + vs);
        avi.create("vsdatascriptset", script);

        ObjectNode parent = virtualService(vs).put("type", "VS_TYPE_VH_PARENT").put("vsvip_ref", "/api/vsvip/?name=" + vs)
                .put("application_profile_ref", "/api/applicationprofile/?name=System-HTTP");
        ArrayNode services = parent.putArray("services");
        services.addObject().put("port", 80).put("port_range_end", 80).put("enable_ssl", false);
        services.addObject().put("port", 443).put("port_range_end", 443).put("enable_ssl", true);
        parent.putArray("vs_datascripts").addObject().put("index", 0).put("vs_datascript_set_ref", "/api/vsdatascriptset/?name=" + vs);
        if (!tlsHosts.isEmpty()) {
            avi.create("httppolicyset", redirect(vs, tlsHosts));
            parent.putArray("http_policies").addObject().put("index", 11).put("http_policy_set_ref", "/api/httppolicyset/?name=" + vs);
        }
        avi.create("virtualservice", parent);
        tlsHosts.forEach(host -> writeSniChild(vs, host));
    }

    private void writeSniChild(String vs, String host) {
        String[] pair = keyPairs.get(host);
        ObjectNode certificate = owned(CLUSTER + "--" + host, false).put("type", "SSL_CERTIFICATE_TYPE_VIRTUALSERVICE").put("key", pair[1]);
        certificate.putObject("certificate").put("certificate", pair[0]);
        avi.create("sslkeyandcertificate", certificate);
        String setName = CLUSTER + "--" + secure.get(host).get(0).namespace() + "-" + host;
        ObjectNode set = owned(setName, true);
        ArrayNode rules = set.putObject("http_request_policy").putArray("rules");
        int index = 0;
        for (AkoPath p : secure.get(host)) {
            avi.create("pool", pool(sniPool(p), p));
            ObjectNode group = owned(sniPool(p), true).put("cloud_ref", CLOUD).put("implicit_priority_labels", false);
            group.putArray("members").addObject().put("pool_ref", "/api/pool?name=" + sniPool(p)).put("ratio", 100);
            avi.create("poolgroup", group);
            ObjectNode rule = rules.addObject().put("name", setName + "-" + index).put("index", index++).put("enable", true);
            ObjectNode path = rule.putObject("match").putObject("path").put("match_criteria", "BEGINS_WITH").put("match_case", "SENSITIVE");
            path.putArray("match_str").add(p.path());
            rule.putObject("switching_action").put("action", "HTTP_SWITCHING_SELECT_POOLGROUP")
                    .put("pool_group_ref", "/api/poolgroup/?name=" + sniPool(p));
        }
        avi.create("httppolicyset", set);
        ObjectNode child = virtualService(CLUSTER + "--" + host).put("type", "VS_TYPE_VH_CHILD")
                .put("vh_parent_vs_ref", "/api/virtualservice/?name=" + vs)
                .put("application_profile_ref", "/api/applicationprofile/?name=System-Secure-HTTP");
        child.putArray("vh_domain_name").add(host);
        child.putArray("ssl_key_and_certificate_refs").add("/api/sslkeyandcertificate/?name=" + CLUSTER + "--" + host);
        child.putArray("http_policies").addObject().put("index", 11).put("http_policy_set_ref", "/api/httppolicyset/?name=" + setName);
        avi.create("virtualservice", child);
    }

    private ObjectNode redirect(String vs, List<String> tlsHosts) {
        ObjectNode set = owned(vs, true);
        ObjectNode rule = set.putObject("http_request_policy").putArray("rules").addObject().put("name", vs + "-0").put("index", 0)
                .put("enable", true);
        ObjectNode match = rule.putObject("match");
        ObjectNode hostHeader = match.putObject("host_hdr").put("match_criteria", "HDR_EQUALS").put("match_case", "INSENSITIVE");
        ArrayNode values = hostHeader.putArray("value");
        tlsHosts.forEach(values::add);
        match.putObject("vs_port").put("match_criteria", "IS_IN").putArray("ports").add(80);
        rule.putObject("redirect_action").put("protocol", "HTTPS").put("port", 443).put("status_code", "HTTP_REDIRECT_STATUS_CODE_302");
        return set;
    }

    private ObjectNode virtualService(String name) {
        ObjectNode vs = owned(name, true).put("cloud_ref", CLOUD).put("se_group_ref", "/api/serviceenginegroup?name=Default-Group")
                .put("network_profile_ref", "/api/networkprofile/?name=System-TCP-Proxy");
        vs.remove("tenant_ref");
        return vs;
    }

    private ObjectNode pool(String name, AkoPath p) {
        ObjectNode pool = owned(name, true).put("cloud_ref", CLOUD).put("sni_enabled", false);
        ObjectNode server = pool.putArray("servers").addObject().put("port", p.port()).put("enabled", true);
        server.putObject("ip").put("addr", p.backendIp()).put("type", "V4");
        pool.putArray("health_monitor_refs").add("/api/healthmonitor/?name=System-TCP");
        return pool;
    }

    private static String insecurePool(AkoPath p) {
        return CLUSTER + "--" + p.host() + p.pathPart() + "-" + p.namespace() + "-" + p.ingress();
    }

    private static String sniPool(AkoPath p) {
        return CLUSTER + "--" + p.namespace() + "-" + p.host() + p.pathPart() + "-" + p.ingress();
    }

    /** name, created_by, tenant_ref, the clustername marker and (with {@code checksum}) AKO's cloud_config_cksum. */
    private static ObjectNode owned(String name, boolean checksum) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("created_by", CREATED_BY).put("tenant_ref", TENANT);
        if (checksum) {
            body.put("cloud_config_cksum", "2727272727");
        }
        body.putArray("markers").addObject().put("key", "clustername").putArray("values").add(CLUSTER);
        return body;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
