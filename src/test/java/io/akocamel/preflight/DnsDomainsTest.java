package io.akocamel.preflight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsDomainsTest {
    static final DnsDomains DOMAINS = DnsDomains.of("vcenter-dns", List.of(".apps.corp.local", "Example.com."));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "foo.example.com,         true",
            "example.com,             true",
            "a.b.example.com,         true",
            "FOO.Example.COM,         true",
            "foo.example.com.,        true",
            "*.example.com,           true",
            "shop.apps.corp.local,    true",
            "badexample.com,          false",
            "example.com.evil.org,    false",
            "foo.example.org,         false",
            "corp.local,              false",
            "apps.corp.local.io,      false",
    })
    void hostIsInsideWhenItIsOrEndsInASubDomainOnALabelBoundary(String host, boolean inside) {
        assertThat(DOMAINS.hostInDnsDomains(host)).isEqualTo(inside);
    }

    @Test
    void subDomainsAreKeptInProfileOrderWithoutDotsOrCase() {
        assertThat(DOMAINS.subDomains()).containsExactly("apps.corp.local", "example.com");
    }

    @Test
    void withoutSubDomainsEveryHostIsInside() {
        assertThat(DnsDomains.NONE.hostInDnsDomains("anything.example.org")).isTrue();
        assertThat(DnsDomains.of("empty-dns", List.of()).hostInDnsDomains("anything.example.org")).isTrue();
    }

    @Test
    void aRuleWithoutHostGetsIngressNamespaceAndTheFirstSubDomain() {
        assertThat(DOMAINS.synthesizedHost("web", "shop")).contains("web.shop.apps.corp.local");
    }

    @Test
    void withoutSubDomainsNoHostIsSynthesized() {
        assertThat(DnsDomains.NONE.synthesizedHost("web", "shop")).isEmpty();
    }

    @Test
    void theWarningNamesTheHostTheProfileItsDomainsAndTheFix() {
        assertThat(DOMAINS.hostOutsideWarning("foo.example.org")).isEqualTo(
                "host foo.example.org is not inside the DNS sub-domains of DNS profile vcenter-dns (apps.corp.local, example.com): "
                        + "it is routed, but Avi DNS will not publish a record for it; use a host under one of them, or add its "
                        + "domain to the DNS profile on the Avi Controller");
    }
}
