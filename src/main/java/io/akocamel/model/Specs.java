package io.akocamel.model;

import io.akocamel.crd.HostSettings;
import io.akocamel.crd.PoolSettings;
import io.akocamel.crd.InfraSetting;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.config.Settings.NodeNetwork;
import io.akocamel.config.Settings.VipNetwork;
import io.akocamel.util.Cidr;

import java.util.ArrayList;
import java.util.List;

/**
 * The desired objects as plain values ("specs") and their Avi bodies. A body is a function of its spec and the
 * {@link BuildContext} only, so a spec equal to last build's can reuse last build's object unchanged.
 */
final class Specs {
    static final String SYSTEM_HTTP = "/api/applicationprofile?name=System-HTTP";
    static final String SYSTEM_SECURE_HTTP = "/api/applicationprofile?name=System-Secure-HTTP";
    static final String SYSTEM_TCP_PROXY = "/api/networkprofile?name=System-TCP-Proxy";
    static final String SYSTEM_TCP_MONITOR = "/api/healthmonitor?name=System-TCP";
    /** AKO starts the http_policies indices of a VS at 11. */
    static final int FIRST_POLICY_INDEX = 11;

    private Specs() {
    }

    interface ObjectSpec {
        AviType type();

        String name();

        ObjectNode body(BuildContext ctx);

        default AviObject toObject(BuildContext ctx) {
            return new AviObject(type(), name(), body(ctx));
        }
    }

    /** An Avi marker (label for RBAC and ownership): {@code {key, values[]}}. */
    record Marker(String key, List<String> values) {
        static Marker of(String key, String value) {
            return new Marker(key, List.of(value));
        }
    }

    record Server(String ip, int port, boolean enabled, String node) implements Comparable<Server> {
        @Override
        public int compareTo(Server o) {
            int c = ip.compareTo(o.ip);
            return c != 0 ? c : Integer.compare(port, o.port);
        }
    }

    // ---------------------------------------------------------------------------------------------------- pools

    /**
     * {@code settings}: of the HTTPRule path that targets the pool's path ({@link PoolSettings#NONE} without one);
     * {@code pkiProfile}: the name of the PKI profile made of its {@code destinationCA}, or null.
     */
    record PoolSpec(String name, List<Marker> markers, List<Server> servers, PoolSettings settings, String pkiProfile) implements ObjectSpec {
        PoolSpec(String name, List<Marker> markers, List<Server> servers) {
            this(name, markers, servers, PoolSettings.NONE, null);
        }

        public AviType type() {
            return AviType.POOL;
        }

        public ObjectNode body(BuildContext ctx) {
            ObjectNode body = owned(name, markers, ctx);
            body.put("cloud_ref", ctx.cloudRef());
            body.put("vrf_ref", ctx.vrfRef());
            body.put("sni_enabled", settings.reencrypt());
            ArrayNode monitors = body.putArray("health_monitor_refs");
            if (settings.healthMonitors().isEmpty()) {
                monitors.add(SYSTEM_TCP_MONITOR);
            }
            settings.healthMonitors().forEach(monitor -> monitors.add(NameRef.of("healthmonitor", monitor)));
            httpRule(body);
            ArrayNode servers = body.putArray("servers");
            for (Server s : this.servers) {
                ObjectNode server = servers.addObject();
                ipAddr(server.putObject("ip"), s.ip());
                server.put("port", s.port());
                server.put("enabled", s.enabled());
                if (s.node() != null && !s.node().isEmpty()) {
                    server.put("server_node", s.node());
                }
            }
            ArrayNode placement = AviJson.array();
            for (NodeNetwork network : ctx.nodeNetworks()) {
                for (String cidr : network.cidrs()) {
                    ObjectNode p = placement.addObject();
                    p.put("network_ref", networkRef(network.networkName(), network.networkUUID()));
                    prefix(p.putObject("subnet"), cidr);
                }
            }
            if (!placement.isEmpty()) {
                body.set("placement_networks", placement);
            }
            return body;
        }

        /** What an HTTPRule path adds to the pool (AKO's field-to-field mapping; the objects named are the user's). */
        private void httpRule(ObjectNode body) {
            optionalText(body, "lb_algorithm", settings.algorithm());
            optionalText(body, "lb_algorithm_hash", settings.hash());
            optionalText(body, "lb_algorithm_consistent_hash_hdr", settings.hostHeader());
            optionalRef(body, "application_persistence_profile_ref", "applicationpersistenceprofile", settings.persistence());
            if (settings.reencrypt()) {
                body.put("ssl_profile_ref", NameRef.of("sslprofile", settings.sslProfile() == null ? PoolSettings.DEFAULT_SSL_PROFILE
                        : settings.sslProfile()));
                optionalRef(body, "pki_profile_ref", "pkiprofile", pkiProfile != null ? pkiProfile : settings.pkiProfile());
            }
            if (settings.enableHttp2() != null) {
                body.put("enable_http2", settings.enableHttp2());
            }
        }
    }

    /** The PKI profile the controller makes of an HTTPRule's {@code destinationCA}, to verify the servers of one pool. */
    record PkiProfileSpec(String name, List<Marker> markers, String caCertificatePem) implements ObjectSpec {
        public AviType type() {
            return AviType.PKIPROFILE;
        }

        public ObjectNode body(BuildContext ctx) {
            ObjectNode body = owned(name, markers, ctx);
            body.putArray("ca_certs").addObject().put("certificate", caCertificatePem);
            body.put("crl_check", false); // a destinationCA comes without revocation lists
            return body;
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP policies

    /** A header condition: criteria (HDR_EQUALS, HDR_ENDS_WITH, HDR_DOES_NOT_EQUAL, ...) over values, case-insensitive. */
    record HdrCond(String criteria, List<String> values) {
        ObjectNode toJson(ObjectNode node) {
            node.put("match_criteria", criteria);
            node.put("match_case", "INSENSITIVE");
            ArrayNode array = node.putArray("value");
            values.forEach(array::add);
            return node;
        }
    }

    /**
     * Which Host headers a rule applies to: the {@code host_hdr} condition and further conditions on the Host
     * header ({@code hdrs}), all of which must hold. Empty = every request.
     */
    record HostMatch(HdrCond hostHdr, List<HdrCond> more) {
        static final HostMatch ANY = new HostMatch(null, List.of());
    }

    enum ActionKind { POOL, LOCAL_404, REDIRECT_HTTPS }

    record Action(ActionKind kind, String target) {
        static final Action NOT_FOUND = new Action(ActionKind.LOCAL_404, null);
        static final Action REDIRECT = new Action(ActionKind.REDIRECT_HTTPS, null);
    }

    /** One request rule; {@code pathCriteria} null = any path; {@code port80} = only requests to port 80. */
    record RuleSpec(HostMatch host, String pathCriteria, String pathValue, boolean port80, Action action) {
    }

    record PolicySetSpec(String name, List<Marker> markers, List<RuleSpec> rules) implements ObjectSpec {
        public AviType type() {
            return AviType.HTTPPOLICYSET;
        }

        public ObjectNode body(BuildContext ctx) {
            ObjectNode body = owned(name, markers, ctx);
            ArrayNode rules = body.putObject("http_request_policy").putArray("rules");
            int index = 1;
            for (RuleSpec r : this.rules) {
                ObjectNode rule = rules.addObject();
                rule.put("name", name + "-" + index);
                rule.put("index", index++);
                rule.put("enable", true);
                ObjectNode match = AviJson.object();
                if (r.host().hostHdr() != null) {
                    r.host().hostHdr().toJson(match.putObject("host_hdr"));
                }
                if (!r.host().more().isEmpty()) {
                    ArrayNode hdrs = match.putArray("hdrs");
                    r.host().more().forEach(c -> c.toJson(hdrs.addObject()).put("hdr", "Host"));
                }
                if (r.pathCriteria() != null) {
                    ObjectNode path = match.putObject("path");
                    path.put("match_criteria", r.pathCriteria());
                    path.put("match_case", "SENSITIVE");
                    path.putArray("match_str").add(r.pathValue());
                }
                if (r.port80()) {
                    ObjectNode port = match.putObject("vs_port");
                    port.put("match_criteria", "IS_IN");
                    port.putArray("ports").add(80);
                }
                if (!match.isEmpty()) {
                    rule.set("match", match);
                }
                action(rule, r.action());
            }
            return body;
        }

        private static void action(ObjectNode rule, Action action) {
            switch (action.kind()) {
                case POOL -> {
                    ObjectNode s = rule.putObject("switching_action");
                    s.put("action", "HTTP_SWITCHING_SELECT_POOL");
                    s.put("pool_ref", AviType.POOL.refByName(action.target()));
                }
                case LOCAL_404 -> {
                    ObjectNode s = rule.putObject("switching_action");
                    s.put("action", "HTTP_SWITCHING_SELECT_LOCAL");
                    s.put("status_code", "HTTP_LOCAL_RESPONSE_STATUS_CODE_404");
                }
                case REDIRECT_HTTPS -> {
                    ObjectNode r = rule.putObject("redirect_action");
                    r.put("protocol", "HTTPS");
                    r.put("port", 443);
                    r.put("keep_query", true);
                    r.put("status_code", "HTTP_REDIRECT_STATUS_CODE_302");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------- virtual services, VIP

    /** {@code listeners}: a HostRule's {@code tcpSettings} ports, which replace the setting's or the default ones; empty: none. */
    record ParentVsSpec(String name, List<String> policySets, List<HostSettings.TcpSettings.Listener> listeners) implements ObjectSpec {
        public AviType type() {
            return AviType.VIRTUALSERVICE;
        }

        public ObjectNode body(BuildContext ctx) {
            ObjectNode body = owned(name, List.of(), ctx);
            placed(body, ctx);
            body.put("type", "VS_TYPE_VH_PARENT");
            body.put("vsvip_ref", AviType.VSVIP.refByName(name));
            body.put("application_profile_ref", SYSTEM_HTTP);
            body.put("network_profile_ref", SYSTEM_TCP_PROXY);
            ArrayNode services = body.putArray("services");
            if (!listeners.isEmpty()) {
                listeners.forEach(listener -> service(services, listener.port(), listener.enableSsl()));
            } else if (ctx.listeners().isEmpty()) {
                service(services, 80, false);
                service(services, 443, true);
            }
            for (InfraSetting.Listener listener : listeners.isEmpty() ? ctx.listeners() : List.<InfraSetting.Listener>of()) {
                ObjectNode service = service(services, listener.port(), listener.enableSsl());
                if (listener.enableHttp2()) {
                    service.put("enable_http2", true);
                }
            }
            if (ctx.enableRhi() != null) {
                body.put("enable_rhi", ctx.enableRhi());
            }
            policies(body, policySets);
            return body;
        }

        private static ObjectNode service(ArrayNode services, int port, boolean ssl) {
            ObjectNode service = services.addObject();
            service.put("port", port);
            service.put("port_range_end", port);
            service.put("enable_ssl", ssl);
            return service;
        }
    }

    /**
     * {@code settings}: of the HostRule that selects the host ({@link HostSettings#NONE} without one); {@code aliases}: the
     * names served like the host; {@code alternateCertificate}: the certificate made of the rule's alternate Secret, or null.
     */
    record ChildVsSpec(String name, String parent, String host, List<String> aliases, List<Marker> markers, String certificate,
                       String alternateCertificate, String policySet, HostSettings settings) implements ObjectSpec {
        public AviType type() {
            return AviType.VIRTUALSERVICE;
        }

        public ObjectNode body(BuildContext ctx) {
            ObjectNode body = owned(name, markers, ctx);
            placed(body, ctx);
            body.put("type", "VS_TYPE_VH_CHILD");
            body.put("vh_parent_vs_ref", AviType.VIRTUALSERVICE.refByName(parent));
            ArrayNode domains = body.putArray("vh_domain_name").add(host);
            aliases.forEach(domains::add);
            body.put("application_profile_ref", settings.applicationProfile() == null ? SYSTEM_SECURE_HTTP
                    : NameRef.of("applicationprofile", settings.applicationProfile()));
            body.put("network_profile_ref", SYSTEM_TCP_PROXY);
            ArrayNode certificates = body.putArray("ssl_key_and_certificate_refs").add(settings.certificate() == null
                    ? AviType.SSLKEYANDCERTIFICATE.refByName(certificate) : NameRef.of("sslkeyandcertificate", settings.certificate()));
            if (settings.alternateCertificate() != null) {
                certificates.add(NameRef.of("sslkeyandcertificate", settings.alternateCertificate()));
            } else if (alternateCertificate != null) {
                certificates.add(AviType.SSLKEYANDCERTIFICATE.refByName(alternateCertificate));
            }
            List<String> sets = new ArrayList<>(settings.overwritePolicies() ? List.of() : List.of(policySet));
            sets.addAll(settings.policySets());
            policies(body, sets);
            hostRule(body, settings);
            return body;
        }

        /** What a HostRule adds to the SNI child (AKO's field-to-field mapping; the objects are the user's, only named). */
        private static void hostRule(ObjectNode body, HostSettings settings) {
            if (Boolean.FALSE.equals(settings.enabled())) {
                body.put("enabled", false);
            }
            optionalRef(body, "waf_policy_ref", "wafpolicy", settings.wafPolicy());
            optionalRef(body, "analytics_profile_ref", "analyticsprofile", settings.analyticsProfile());
            optionalRef(body, "error_page_profile_ref", "errorpageprofile", settings.errorPageProfile());
            optionalRef(body, "ssl_profile_ref", "sslprofile", settings.sslProfile());
            optionalRef(body, "network_security_policy_ref", "networksecuritypolicy", settings.networkSecurityPolicy());
            HostSettings.AnalyticsPolicy analytics = settings.analyticsPolicy();
            if (analytics != null) {
                ObjectNode policy = body.putObject("analytics_policy");
                policy.putObject("full_client_logs").put("enabled", analytics.fullClientLogs()).put("throttle", analytics.throttle())
                        .put("duration", analytics.duration());
                policy.put("all_headers", analytics.allHeaders());
            }
            if (!settings.icapProfiles().isEmpty()) {
                body.putArray("icap_request_profile_refs").add(NameRef.of("icapprofile", settings.icapProfiles().get(0)));
            }
            if (!settings.dataScripts().isEmpty()) {
                ArrayNode scripts = body.putArray("vs_datascripts");
                for (int i = 0; i < settings.dataScripts().size(); i++) {
                    scripts.addObject().put("index", i).put("vs_datascript_set_ref", NameRef.of("vsdatascriptset", settings.dataScripts().get(i)));
                }
            }
        }
    }

    /** The certificate and key PEMs; toString leaves the key out. */
    record CertSpec(String name, List<Marker> markers, String certificatePem, String keyPem) implements ObjectSpec {
        public AviType type() {
            return AviType.SSLKEYANDCERTIFICATE;
        }

        public ObjectNode body(BuildContext ctx) {
            ObjectNode body = owned(name, markers, ctx);
            body.put("type", "SSL_CERTIFICATE_TYPE_VIRTUALSERVICE");
            body.putObject("certificate").put("certificate", certificatePem);
            body.put("key", keyPem);
            return body;
        }

        @Override
        public String toString() {
            return "CertSpec[" + name + "]";
        }
    }

    /**
     * The VS VIP; no created_by (the Avi VsVip schema has none): ownership is the clustername marker and the name.
     * {@code address}: a HostRule's {@code tcpSettings.loadBalancerIP} (a static address, not allocated), or null.
     */
    record VsVipSpec(String name, List<String> fqdns, String address) implements ObjectSpec {
        public AviType type() {
            return AviType.VSVIP;
        }

        public ObjectNode body(BuildContext ctx) {
            ObjectNode body = AviJson.object();
            body.put("name", name);
            body.put("tenant_ref", ctx.tenantRef());
            body.put("cloud_ref", ctx.cloudRef());
            body.put("vrf_context_ref", ctx.vrfRef());
            body.put("east_west_placement", false);
            markers(body, List.of(), ctx);
            ArrayNode dns = body.putArray("dns_info");
            fqdns.forEach(f -> dns.addObject().put("fqdn", f));
            ObjectNode vip = body.putArray("vip").addObject();
            vip.put("vip_id", "0");
            vip.put("auto_allocate_ip", address == null);
            if (address != null) {
                ipAddr(vip.putObject("ip_address"), address);
            }
            if (!ctx.bgpPeerLabels().isEmpty()) {
                ArrayNode labels = body.putArray("bgp_peer_labels");
                ctx.bgpPeerLabels().forEach(labels::add);
            }
            VipNetwork network = ctx.vipNetwork();
            if (network != null) {
                ObjectNode subnet = vip.putObject("ipam_network_subnet");
                subnet.put("network_ref", networkRef(network.networkName(), network.networkUUID()));
                if (!network.cidr().isEmpty()) {
                    prefix(subnet.putObject("subnet"), network.cidr());
                }
                if (!network.v6cidr().isEmpty()) {
                    prefix(subnet.putObject("subnet6"), network.v6cidr());
                }
            }
            return body;
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** name, created_by, tenant_ref and markers (clustername first): what every owned object carries. */
    private static ObjectNode owned(String name, List<Marker> markers, BuildContext ctx) {
        ObjectNode body = AviJson.object();
        body.put("name", name);
        body.put("created_by", ctx.createdBy());
        body.put("tenant_ref", ctx.tenantRef());
        markers(body, markers, ctx);
        return body;
    }

    private static void markers(ObjectNode body, List<Marker> markers, BuildContext ctx) {
        ArrayNode array = body.putArray("markers");
        ObjectNode cluster = array.addObject();
        cluster.put("key", "clustername");
        cluster.putArray("values").add(ctx.clusterName());
        for (Marker m : markers) {
            ObjectNode marker = array.addObject();
            marker.put("key", m.key());
            ArrayNode values = marker.putArray("values");
            m.values().forEach(values::add);
        }
    }

    private static void placed(ObjectNode vs, BuildContext ctx) {
        vs.put("cloud_ref", ctx.cloudRef());
        vs.put("se_group_ref", ctx.seGroupRef());
        vs.put("vrf_context_ref", ctx.vrfRef());
    }

    private static void policies(ObjectNode vs, List<String> sets) {
        ArrayNode policies = vs.putArray("http_policies");
        int index = FIRST_POLICY_INDEX;
        for (String set : sets) {
            ObjectNode p = policies.addObject();
            p.put("index", index++);
            p.put("http_policy_set_ref", AviType.HTTPPOLICYSET.refByName(set));
        }
    }

    private static void optionalRef(ObjectNode body, String field, String collection, String name) {
        if (name != null) {
            body.put(field, NameRef.of(collection, name));
        }
    }

    private static void optionalText(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    static String networkRef(String name, String uuid) {
        return name == null || name.isEmpty() ? "/api/network/" + uuid : NameRef.of("network", name);
    }

    static void ipAddr(ObjectNode node, String ip) {
        node.put("addr", ip);
        node.put("type", ip.indexOf(':') >= 0 ? "V6" : "V4");
    }

    /** {@code {ip_addr: {addr, type}, mask}} from a CIDR such as {@code 10.10.10.0/24}. */
    static void prefix(ObjectNode node, String cidr) {
        Cidr parsed = Cidr.parse(cidr).orElseThrow(() -> new IllegalArgumentException("not a CIDR: '" + cidr + "'"));
        ipAddr(node.putObject("ip_addr"), parsed.address());
        node.put("mask", parsed.prefixLength());
    }
}
