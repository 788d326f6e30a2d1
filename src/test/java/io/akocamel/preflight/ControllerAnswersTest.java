package io.akocamel.preflight;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the preflight reads out of the controller's answers. */
class ControllerAnswersTest {
    static final ObjectMapper JSON = new ObjectMapper();

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
        String domains = String.join(",", ControllerAnswers.subDomains(JSON.readTree(profile)));
        assertThat(domains).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"results\":[{\"name\":\"a\",\"uuid\":\"u-a\"},{\"name\":\"b\",\"uuid\":\"u-b\"}],\"count\":2} | a, b            | a (u-a), b (u-b)",
            "{\"results\":[{\"name\":\"a\",\"uuid\":\"u-a\"}],\"count\":23}                                | a and 3 more     | a (u-a) and 3 more",
            "{\"results\":[],\"count\":0}                                                                       | none             | none",
    })
    void collectionAnswersListTheirNames(String body, String names, String withUuids) throws Exception {
        PreflightRun.Reply list = new PreflightRun.Reply(JSON.readTree(body), null);
        assertThat(ControllerAnswers.names(list)).isEqualTo(names);
        assertThat(ControllerAnswers.namesWithUuids(list)).isEqualTo(withUuids);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://ctrl/api/ipamdnsproviderprofile/ipam-1#ipam | /api/ipamdnsproviderprofile/ipam-1?include_name=true | ipam",
            "/api/network/net-1                                  | /api/network/net-1?include_name=true                 | ''",
    })
    void refsGiveTheirPathAndName(String ref, String path, String name) {
        assertThat(ControllerAnswers.profilePath(ref)).isEqualTo(path);
        assertThat(ControllerAnswers.refName(ref)).isEqualTo(name);
    }
}
