package io.akocamel.reconcile;

import java.util.Optional;

/**
 * Whether the cloud's DNS profile publishes a host: a host outside its sub-domains is still routed, but gets a Warning
 * (the text returned here) because no DNS record is made for it.
 */
@FunctionalInterface
public interface DnsDomainCheck {
    /** Event reason of the Warning. */
    String REASON = "HostOutsideDnsDomains";

    DnsDomainCheck NONE = host -> Optional.empty();

    /** The Warning text when the host is outside every DNS sub-domain; empty when it is inside (or nothing is known). */
    Optional<String> outsideWarning(String host);
}
