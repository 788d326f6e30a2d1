package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The objects of a freshly set-up controller with a vCenter cloud, as the seed's install guide prepares it:
 * <ul>
 * <li>tenant {@code admin} (uuid {@code admin});</li>
 * <li>clouds {@code Default-Cloud} (CLOUD_NONE) and {@code vcenter-cloud} (CLOUD_VCENTER), each with VRFs
 * {@code global} and {@code management} ({@code system_default}) and SE group {@code Default-Group};</li>
 * <li>on vcenter-cloud: IPAM profile {@code vcenter-ipam} (IPAMDNS_TYPE_INTERNAL, usable network vip-network) and DNS
 * profile {@code vcenter-dns} (IPAMDNS_TYPE_INTERNAL_DNS, domain {@code example.com});</li>
 * <li>network {@code vip-network} in vcenter-cloud, VRF global, subnet 10.10.10.0/24 with the VIP range
 * 10.10.10.100–10.10.10.199;</li>
 * <li>System-* objects: application profiles System-HTTP, System-Secure-HTTP, System-L4-Application; network profiles
 * System-TCP-Proxy, System-TCP-Fast-Path, System-UDP-Fast-Path; SSL profile System-Standard; analytics profile
 * System-Analytics-Profile; health monitors System-TCP, System-HTTP, System-Ping; persistence profile
 * System-Persistence-Client-IP.</li>
 * </ul>
 * System defaults (admin, Default-Cloud, the system VRFs, System-*) cannot be deleted over the API.
 *
 * <p>Broken set-ups for tests: {@link #without} drops an object, everything scoped inside it (objects whose
 * {@code cloud_ref}/{@code tenant_ref} points at it) and every reference to it (list entries left empty go too);
 * {@link #edit} changes an object's body (refs there are in stored form {@code /api/<type>/<uuid>}).
 */
final class Seed {
    static final String VCENTER_CLOUD = "vcenter-cloud";
    static final String DEFAULT_CLOUD = "Default-Cloud";

    private record Entry(ModelType type, ObjectNode body, boolean systemDefault) {
        String key() {
            return key(type.path(), body.path("name").asText());
        }

        String path() {
            return ref(type.path(), body.path("uuid").asText());
        }

        static String key(String type, String name) {
            return type + "/" + name;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<Entry>> byKey = new LinkedHashMap<>();

    Seed() {
        adminTenant();
        clouds();
        systemObjects();
    }

    private void adminTenant() {
        ObjectNode admin = add("tenant", "admin", "admin", true).put("local", true)
                .put("description", "Default tenant");
        admin.putObject("config_settings").put("tenant_vrf", false).put("se_in_provider_context", true)
                .put("tenant_access_to_provider_se", true);
    }

    /** Default-Cloud, and vcenter-cloud with its IPAM and DNS profiles and the VIP network. */
    private void clouds() {
        String ipam = uuid("ipamdnsproviderprofile");
        String dns = uuid("ipamdnsproviderprofile");
        String vipNetwork = uuid("network");
        String defaultCloud = uuid(ModelType.CLOUD);
        add(ModelType.CLOUD, DEFAULT_CLOUD, defaultCloud, true).put("vtype", "CLOUD_NONE");
        cloudInfrastructure(defaultCloud);
        String vcenter = uuid(ModelType.CLOUD);
        ObjectNode cloud = add(ModelType.CLOUD, VCENTER_CLOUD, vcenter, false).put("vtype", "CLOUD_VCENTER")
                .put("ipam_provider_ref", ref("ipamdnsproviderprofile", ipam))
                .put("dns_provider_ref", ref("ipamdnsproviderprofile", dns))
                .put("dhcp_enabled", false);
        cloud.putObject("vcenter_configuration").put("vcenter_url", "vcenter.example.com")
                .put("username", "administrator@vsphere.local").put("datacenter", "Datacenter")
                .put("privilege", "WRITE_ACCESS");
        String vcenterGlobal = cloudInfrastructure(vcenter);
        ObjectNode ipamProfile = add("ipamdnsproviderprofile", "vcenter-ipam", ipam, false)
                .put("type", "IPAMDNS_TYPE_INTERNAL");
        ipamProfile.putObject("internal_profile").putArray("usable_networks").addObject()
                .put("nw_ref", ref("network", vipNetwork));
        ObjectNode dnsProfile = add("ipamdnsproviderprofile", "vcenter-dns", dns, false)
                .put("type", "IPAMDNS_TYPE_INTERNAL_DNS");
        ObjectNode dnsInternal = dnsProfile.putObject("internal_profile").put("ttl", 30);
        dnsInternal.putArray("dns_service_domain").addObject().put("domain_name", "example.com")
                .put("pass_through", true).put("record_ttl", 30);
        ObjectNode network = add("network", "vip-network", vipNetwork, false)
                .put("cloud_ref", ref("cloud", vcenter)).put("vrf_context_ref", ref("vrfcontext", vcenterGlobal))
                .put("dhcp_enabled", false).put("exclude_discovered_subnets", false);
        ObjectNode subnet = network.putArray("configured_subnets").addObject();
        subnet.set("prefix", prefix("10.10.10.0", 24));
        ObjectNode range = subnet.putArray("static_ip_ranges").addObject().put("type", "STATIC_IPS_FOR_VIP")
                .putObject("range");
        range.set("begin", address("10.10.10.100"));
        range.set("end", address("10.10.10.199"));
        infraSettingExamples(vcenter, vcenterGlobal);
    }

    /**
     * An SE group and a second VIP network (outside the IPAM profile) in vcenter-cloud, for an AviInfraSetting to name
     * (the demo's example does).
     */
    private void infraSettingExamples(String cloud, String vrf) {
        add("serviceenginegroup", "example-se-group", uuid("serviceenginegroup"), false)
                .put("cloud_ref", ref("cloud", cloud)).put("ha_mode", "HA_MODE_SHARED").put("max_se", 2).put("se_name_prefix", "Example");
        ObjectNode network = add("network", "example-vip-network", uuid("network"), false)
                .put("cloud_ref", ref("cloud", cloud)).put("vrf_context_ref", ref("vrfcontext", vrf))
                .put("dhcp_enabled", false).put("exclude_discovered_subnets", false);
        ObjectNode subnet = network.putArray("configured_subnets").addObject();
        subnet.set("prefix", prefix("10.20.20.0", 24));
        ObjectNode range = subnet.putArray("static_ip_ranges").addObject().put("type", "STATIC_IPS_FOR_VIP").putObject("range");
        range.set("begin", address("10.20.20.100"));
        range.set("end", address("10.20.20.199"));
    }

    private void systemObjects() {
        system("applicationprofile", "System-HTTP").put("type", "APPLICATION_PROFILE_TYPE_HTTP");
        system("applicationprofile", "System-Secure-HTTP").put("type", "APPLICATION_PROFILE_TYPE_HTTP")
                .putObject("http_profile").put("ssl_everywhere_enabled", true).put("hsts_enabled", true);
        system("applicationprofile", "System-L4-Application").put("type", "APPLICATION_PROFILE_TYPE_L4");
        system("networkprofile", "System-TCP-Proxy").putObject("profile").put("type", "PROTOCOL_TYPE_TCP_PROXY");
        system("networkprofile", "System-TCP-Fast-Path").putObject("profile")
                .put("type", "PROTOCOL_TYPE_TCP_FAST_PATH");
        system("networkprofile", "System-UDP-Fast-Path").putObject("profile")
                .put("type", "PROTOCOL_TYPE_UDP_FAST_PATH");
        ArrayNode versions = system("sslprofile", "System-Standard").putArray("accepted_versions");
        versions.addObject().put("type", "SSL_VERSION_TLS1_2");
        versions.addObject().put("type", "SSL_VERSION_TLS1_3");
        system("analyticsprofile", "System-Analytics-Profile");
        system("healthmonitor", "System-TCP").put("type", "HEALTH_MONITOR_TCP");
        system("healthmonitor", "System-HTTP").put("type", "HEALTH_MONITOR_HTTP");
        system("healthmonitor", "System-Ping").put("type", "HEALTH_MONITOR_PING");
        system("applicationpersistenceprofile", "System-Persistence-Client-IP")
                .put("persistence_type", "PERSISTENCE_TYPE_CLIENT_IP_ADDRESS");
        customResourceExamples();
    }

    /** One object of each type a HostRule or HTTPRule names, so that the demo's examples can name them. */
    private void customResourceExamples() {
        system("wafpolicy", "System-WAF-Policy").put("mode", "WAF_MODE_DETECTION_ONLY")
                .put("waf_profile_ref", "/api/wafprofile?name=System-WAF-Profile");
        system("errorpageprofile", "Custom-Error-Page-Profile");
        system("icapprofile", "example-icap").put("service_uri", "/example").put("vendor", "ICAP_VENDOR_GENERIC");
        system("networksecuritypolicy", "example-network-security-policy");
        system("vsdatascriptset", "example-datascript");
        system("httppolicyset", "example-http-policy-set");
        system("pkiprofile", "example-pki-profile");
        system("sslprofile", "example-ssl-profile").putArray("accepted_versions").addObject().put("type", "SSL_VERSION_TLS1_3");
        system("analyticsprofile", "example-analytics-profile");
        system("applicationprofile", "example-http-profile").put("type", "APPLICATION_PROFILE_TYPE_HTTP");
        system("healthmonitor", "example-http-monitor").put("type", "HEALTH_MONITOR_HTTP");
        system("sslkeyandcertificate", "example-certificate").put("type", "SSL_CERTIFICATE_TYPE_VIRTUALSERVICE");
    }

    /** The system VRFs global and management and the SE group Default-Group of a cloud; returns global's uuid. */
    private String cloudInfrastructure(String cloudUuid) {
        String global = uuid("vrfcontext");
        add("vrfcontext", "global", global, true).put("system_default", true).put("cloud_ref", ref("cloud", cloudUuid));
        add("vrfcontext", "management", uuid("vrfcontext"), true).put("system_default", true)
                .put("cloud_ref", ref("cloud", cloudUuid));
        add("serviceenginegroup", "Default-Group", uuid("serviceenginegroup"), false)
                .put("cloud_ref", ref("cloud", cloudUuid)).put("ha_mode", "HA_MODE_SHARED").put("max_se", 10)
                .put("se_name_prefix", "Avi");
        return global;
    }

    /** Drops the seed object(s) of that type and name, what is scoped inside them, and all references to them. */
    Seed without(String type, String name) {
        Set<String> removed = new HashSet<>();
        requireEntries(type, name).forEach(e -> removed.add(e.path()));
        boolean more = true;
        while (more) {
            more = false;
            for (Entry entry : entries) {
                boolean scopedInRemoved = removed.contains(entry.body.path("cloud_ref").asText())
                        || removed.contains(entry.body.path("tenant_ref").asText());
                if (scopedInRemoved && removed.add(entry.path())) {
                    more = true;
                }
            }
        }
        entries.removeIf(e -> removed.contains(e.path()));
        byKey.values().forEach(list -> list.removeIf(e -> removed.contains(e.path())));
        for (Entry entry : entries) {
            RefFields.transform(entry.body, r -> removed.contains(r) ? null : r);
            dropEmptyListEntries(entry.body);
        }
        return this;
    }

    /** Changes the seed object(s) of that type and name. */
    Seed edit(String type, String name, Consumer<ObjectNode> change) {
        requireEntries(type, name).forEach(e -> change.accept(e.body));
        return this;
    }

    List<StoredObject> objects() {
        return entries.stream().map(e -> new StoredObject(e.type, e.body, e.systemDefault)).toList();
    }

    private List<Entry> requireEntries(String type, String name) {
        List<Entry> found = byKey.getOrDefault(Entry.key(type, name), List.of());
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the seed has no " + type + " named " + name);
        }
        return found;
    }

    private ObjectNode system(String type, String name) {
        return add(type, name, uuid(type), true);
    }

    private ObjectNode add(String type, String name, String uuid, boolean systemDefault) {
        ModelType model = ModelType.require(type);
        ObjectNode body = Json.object().put("uuid", uuid).put("name", name);
        if (model.tenantScoped()) {
            body.put("tenant_ref", ref("tenant", StoredObject.ADMIN_TENANT));
        }
        Entry entry = new Entry(model, body, systemDefault);
        entries.add(entry);
        byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
        return body;
    }

    private static void dropEmptyListEntries(JsonNode node) {
        if (node instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                dropEmptyListEntries(list.get(i));
                if (list.get(i).isObject() && list.get(i).isEmpty()) {
                    list.remove(i);
                }
            }
        } else if (node instanceof ObjectNode object) {
            object.forEach(Seed::dropEmptyListEntries);
        }
    }

    private static String uuid(String type) {
        return type + "-" + UUID.randomUUID();
    }

    private static String ref(String type, String uuid) {
        return new Ref(type, uuid).path();
    }

    private static ObjectNode address(String v4) {
        return Json.object().put("addr", v4).put("type", "V4");
    }

    private static ObjectNode prefix(String v4, int mask) {
        ObjectNode prefix = Json.object();
        prefix.set("ip_addr", address(v4));
        return prefix.put("mask", mask);
    }
}
