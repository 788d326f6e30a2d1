package io.akocamel.crd;

import io.akocamel.testing.AkoCrds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FqdnSelectorTest {

    @ParameterizedTest(name = "{0} {1} selects {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "shop.example.com  | Exact    | shop.example.com     | true",
            "shop.example.com  | Exact    | SHOP.Example.com     | true",
            "shop.example.com  | Exact    | api.shop.example.com | false",
            "shop.example.com  |          | shop.example.com     | true",
            "*.example.com     | Wildcard | a.example.com        | true",
            "*.example.com     | Wildcard | a.b.example.com      | true",
            "*.example.com     | Wildcard | example.com          | false",
            "*.example.com     | Wildcard | a.example.com.evil   | false",
            "shop.*.com        | Wildcard | shop.eu.com          | true",
            "*.example.com     | Exact    | a.example.com        | false",
            "example           | Contains | shop.example.com     | true",
            "example           | Contains | shop.test            | false",
            "a+b.com           | Wildcard | aab.com              | false"})
    void hostRuleSelectsHostsAsAkoMatchesThem(String fqdn, String fqdnType, String host, boolean selected) {
        FqdnSelector selector = FqdnSelector.ofHostRule(AkoCrds.hostRule("ns", "r", fqdn, fqdnType, Map.of()));

        assertThat(selector.selectsHost(host)).isEqualTo(selected);
    }

    @ParameterizedTest(name = "{0} {1} selects {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "Shared-L7-3 | Contains | cluster-1--Shared-L7-3 | true",
            "Shared-L7-3 | Contains | cluster-1--Shared-L7-4 | false",
            "Shared-L7-3 | Exact    | cluster-1--Shared-L7-3 | false"})
    void onlyContainsSelectsAWholeVirtualService(String fqdn, String fqdnType, String vs, boolean selected) {
        assertThat(FqdnSelector.ofHostRule(AkoCrds.hostRule("ns", "r", fqdn, fqdnType, Map.of())).selectsVirtualService(vs)).isEqualTo(selected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"shop.example.com, true", "a.shop.example.com, false"})
    void httpRuleSelectsItsHostExactly(String host, boolean selected) {
        FqdnSelector selector = FqdnSelector.ofHttpRule(AkoCrds.httpRule("ns", "r", "shop.example.com", List.of()));

        assertThat(selector.selectsHost(host)).isEqualTo(selected);
    }
}
