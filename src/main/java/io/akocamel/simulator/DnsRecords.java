package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The records Avi DNS would serve, derived from the stored VsVips (so they follow creates, updates and deletes):
 * one per {@code dns_info[].fqdn} whose VsVip has an address, published only when the VsVip's cloud has a DNS profile
 * ({@code dns_provider_ref}) and the fqdn is one of its {@code internal_profile.dns_service_domain} domains or below.
 */
final class DnsRecords {
    private DnsRecords() {
    }

    /** Call inside the store's read lock. */
    static List<DnsRecord> of(ObjectStore store) {
        List<DnsRecord> records = new ArrayList<>();
        for (StoredObject vsvip : store.all(ModelType.require(ModelType.VSVIP))) {
            String ip = firstAddress(vsvip.body());
            List<String> domains = dnsDomains(store, vsvip.cloudUuid());
            if (ip == null || domains.isEmpty()) {
                continue;
            }
            for (JsonNode info : vsvip.body().path("dns_info")) {
                String fqdn = info.path("fqdn").asText("");
                if (!fqdn.isEmpty() && inDomains(fqdn, domains)) {
                    records.add(new DnsRecord(fqdn, ip, vsvip.name()));
                }
            }
        }
        return records;
    }

    private static String firstAddress(JsonNode vsvip) {
        for (JsonNode vip : vsvip.path("vip")) {
            String addr = vip.path("ip_address").path("addr").asText(null);
            if (addr != null) {
                return addr;
            }
        }
        return null;
    }

    private static List<String> dnsDomains(ObjectStore store, String cloudUuid) {
        Optional<StoredObject> profile = store.get(new Ref(ModelType.CLOUD, String.valueOf(cloudUuid)).path())
                .map(cloud -> cloud.body().path("dns_provider_ref").asText(null))
                .flatMap(store::get);
        List<String> domains = new ArrayList<>();
        profile.ifPresent(p -> p.body().path("internal_profile").path("dns_service_domain")
                .forEach(d -> domains.add(d.path("domain_name").asText().toLowerCase(Locale.ROOT))));
        return domains;
    }

    private static boolean inDomains(String fqdn, List<String> domains) {
        String host = fqdn.toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
