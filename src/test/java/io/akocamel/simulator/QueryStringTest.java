package io.akocamel.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Query values as Django reads them (Python's parse_qsl): the simulator resolves what a real controller resolves. */
class QueryStringTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            name=plain-name                  | plain-name
            name=sale-50%25                  | sale-50%
            name=sale-50%                    | sale-50%
            name=a%zzb                       | a%zzb
            name=c%2B%2B                     | c++
            name=two+words                   | "two words"
            name=a;b                         | a;b
            name=k=v                         | k=v
            name=caf%C3%A9                   | café
            name=café                        | café
            name=a%26b&include_name=true     | a&b
            """)
    void nameIsDecodedLeniently(String query, String name) {
        assertThat(QueryString.parse(query).get("name")).isEqualTo(List.of(name));
    }

    @Test
    void pairsSplitOnAmpersandOnlyAndKeepBlankValues() {
        assertThat(QueryString.parse("name=a&fields=&page=2&&x")).containsOnlyKeys("name", "fields", "page", "x")
                .containsEntry("fields", List.of("")).containsEntry("x", List.of(""));
    }
}
