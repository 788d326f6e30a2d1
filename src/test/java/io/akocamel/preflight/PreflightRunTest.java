package io.akocamel.preflight;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules inside a preflight run that are tables. */
class PreflightRunTest {
    static final ObjectMapper JSON = new ObjectMapper();

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
        assertThat(PreflightRun.sameSubnet(a, b)).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "22.1.2,  22.1.2,  0",
            "22.1.2,  22.1.10, -1",
            "30.2.1,  22.1.2,  1",
            "22.1,    22.1.0,  0",
            "21.1.4,  22.1.2,  -1",
            "22.1.3-2p1, 22.1.3, 0",
    })
    void versionsCompareNumerically(String a, String b, int sign) {
        assertThat(Integer.signum(PreflightRun.compareVersions(a, b))).isEqualTo(sign);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"IPAMDNS_TYPE_INTERNAL_DNS\",\"internal_profile\":{\"dns_service_domain\":[{\"domain_name\":\"a.com\"},{\"domain_name\":\"b.com\"}]}} | a.com,b.com",
            "{\"type\":\"IPAMDNS_TYPE_INFOBLOX_DNS\",\"infoblox_profile\":{\"usable_domains\":[\"corp.local\"]}}                                      | corp.local",
            "{\"type\":\"IPAMDNS_TYPE_AWS_DNS\",\"aws_profile\":{\"usable_domains\":[\"aws.example.com\"]}}                                             | aws.example.com",
            "{\"type\":\"IPAMDNS_TYPE_AZURE_DNS\",\"azure_profile\":{\"usable_domains\":[\"az.example.com\"]}}                                         | az.example.com",
            "{\"type\":\"IPAMDNS_TYPE_CUSTOM_DNS\",\"custom_profile\":{\"usable_domains\":[\"custom.example.com\"]}}                                   | custom.example.com",
            "{\"type\":\"IPAMDNS_TYPE_INTERNAL_DNS\",\"internal_profile\":{}}                                                                          | ''",
    })
    void subDomainsComeFromTheProfileOfItsType(String profile, String expected) throws Exception {
        String domains = String.join(",", PreflightRun.subDomains(JSON.readTree(profile)));
        assertThat(domains).isEqualTo(expected);
    }
}
