package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Avi objects a HostRule, HTTPRule or AviInfraSetting names, each to be found on the controller before it is Accepted. */
public final class AviReferences {
    /** HostRule {@code virtualhost} fields naming one object, and the object's type. */
    private static final Map<String, String> HOST_RULE_SINGLE = Map.of("wafPolicy", "wafpolicy", "applicationProfile", "applicationprofile",
            "analyticsProfile", "analyticsprofile", "errorPageProfile", "errorpageprofile", "networkSecurityPolicy", "networksecuritypolicy");
    /** HostRule {@code virtualhost} fields naming a list of objects. */
    private static final Map<String, String> HOST_RULE_LISTS = Map.of("icapProfile", "icapprofile", "datascripts", "vsdatascriptset");

    private AviReferences() {
    }

    public static List<AviReference> of(GenericKubernetesResource resource) {
        List<AviReference> references = new ArrayList<>();
        Map<String, Object> spec = AkoResources.spec(resource);
        switch (resource.getKind()) {
            case "HostRule" -> hostRule(map(spec.get("virtualhost")), references);
            case "HTTPRule" -> httpRule(spec, references);
            case "AviInfraSetting" -> aviInfraSetting(spec, references);
            default -> {
            }
        }
        return references;
    }

    private static void hostRule(Map<String, Object> host, List<AviReference> references) {
        HOST_RULE_SINGLE.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> single(e.getKey(), e.getValue(), host.get(e.getKey()), references));
        HOST_RULE_LISTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> list(e.getKey(), e.getValue(), host.get(e.getKey()), references));
        list("httpPolicy.policySets", "httppolicyset", map(host.get("httpPolicy")).get("policySets"), references);
        Map<String, Object> tls = map(host.get("tls"));
        certificate("tls.sslKeyCertificate", map(tls.get("sslKeyCertificate")), references);
        certificate("tls.sslKeyCertificate.alternateCertificate", map(map(tls.get("sslKeyCertificate")).get("alternateCertificate")), references);
        single("tls.sslProfile", "sslprofile", tls.get("sslProfile"), references);
    }

    /** Only {@code type: ref} names an Avi object; {@code type: secret} names a Kubernetes Secret. */
    private static void certificate(String field, Map<String, Object> certificate, List<AviReference> references) {
        if ("ref".equals(certificate.get("type"))) {
            single(field, "sslkeyandcertificate", certificate.get("name"), references);
        }
    }

    private static void httpRule(Map<String, Object> spec, List<AviReference> references) {
        if (!(spec.get("paths") instanceof List<?> paths)) {
            return;
        }
        for (Object item : paths) {
            Map<String, Object> path = map(item);
            String at = "paths[" + path.get("target") + "].";
            list(at + "healthMonitors", "healthmonitor", path.get("healthMonitors"), references);
            single(at + "applicationPersistence", "applicationpersistenceprofile", path.get("applicationPersistence"), references);
            Map<String, Object> tls = map(path.get("tls"));
            single(at + "tls.sslProfile", "sslprofile", tls.get("sslProfile"), references);
            single(at + "tls.pkiProfile", "pkiprofile", tls.get("pkiProfile"), references);
        }
    }

    private static void aviInfraSetting(Map<String, Object> spec, List<AviReference> references) {
        single("seGroup.name", "serviceenginegroup", map(spec.get("seGroup")).get("name"), references);
        Map<String, Object> network = map(spec.get("network"));
        for (String field : List.of("vipNetworks", "nodeNetworks")) {
            if (network.get(field) instanceof List<?> networks) {
                networks.forEach(n -> single("network." + field + ".networkName", "network", map(n).get("networkName"), references));
            }
        }
    }

    private static void single(String field, String type, Object name, List<AviReference> references) {
        if (name instanceof String s && !s.isEmpty()) {
            references.add(new AviReference(field, type, s));
        }
    }

    private static void list(String field, String type, Object names, List<AviReference> references) {
        if (names instanceof List<?> list) {
            list.forEach(name -> single(field, type, name, references));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
