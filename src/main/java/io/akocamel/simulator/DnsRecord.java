package io.akocamel.simulator;

/** A DNS A record the simulator's Avi DNS serves: the fqdn of a VsVip's {@code dns_info} and that VsVip's address. */
public record DnsRecord(String fqdn, String ip, String vsvip) {
}
