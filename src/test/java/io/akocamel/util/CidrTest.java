package io.akocamel.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CidrTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "10.10.10.0/24      | 10.10.10.0      | 24  | false",
            "10.244.1.7/32      | 10.244.1.7      | 32  | false",
            "0.0.0.0/0          | 0.0.0.0         | 0   | false",
            "fd00:10::/64       | fd00:10::       | 64  | true",
            "2001:db8:0:0::/128 | 2001:db8:0:0::  | 128 | true",
    })
    void aCidrIsAnAddressLiteralAndAPrefixLength(String text, String address, int prefixLength, boolean ipv6) {
        Cidr cidr = Cidr.parse(text).orElseThrow();
        assertThat(cidr.address()).isEqualTo(address);
        assertThat(cidr.prefixLength()).isEqualTo(prefixLength);
        assertThat(cidr.isIPv6()).isEqualTo(ipv6);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({
            "10.10.10.0", "10.10.10.0/33", "10.10.10.300/24", "10.10.10/24", "10.10.10.0/", "/24", "10.10.10.0/-1",
            "10.10.10.0/+8", "' 10.10.10.0/24'", "10.10.10.0/2 4", "fd00:10::/129", "fd00:zz::/64", "localhost/32",
            "example.com/24", "oops", "''",
    })
    void anythingElseIsNoCidr(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "10.10.10.0/24,   10.10.10.0/24,   true",
            "10.10.10.0/24,   10.10.10.7/24,   true",
            "10.10.10.0/24,   10.10.10.0/25,   false",
            "10.10.10.0/24,   10.20.30.0/24,   false",
            "fd00:10::/64,    fd00:10:0:0::/64, true",
            "fd00:10::/64,    fd00:11::/64,    false",
            "10.10.10.0/24,   fd00:10::/64,    false",
            "10.10.10.0/24,   not-a-cidr,      false",
            "10.10.10.0/24,   10.10.10.0,      false",
            "300.1.1.0/24,    300.1.1.0/24,    false",
            "10.10.10.0/33,   10.10.10.0/33,   false",
    })
    void subnetsAreEqualWhenTheirNetworkAndMaskAre(String a, String b, boolean same) {
        assertThat(Cidr.sameSubnet(a, b)).isEqualTo(same);
    }
}
