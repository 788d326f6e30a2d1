package io.akocamel.avi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.akocamel.model.AviJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksum stamped on every object is over its canonical JSON; stored checksums must never change meaning. */
class ChecksumTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"b":1,"a":{"d":[3,{"z":true,"y":null}],"c":"x"}} | {"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1} | 109c10372fece82d
            {"name":"pool-é","servers":[{"ip":{"type":"V4","addr":"10.0.0.1"},"port":80}],"ratio":1.5} | {"name":"pool-é","ratio":1.5,"servers":[{"ip":{"addr":"10.0.0.1","type":"V4"},"port":80}]} | 527b32f9c2194d6a
            [{"b":"\\u0001\\"q"},{"a":-0.0}] | [{"b":"\\u0001\\"q"},{"a":-0.0}] | 4b0c9eb30e74e273
            {} | {} | 44136fa355b3678a
            """)
    void theChecksumIsOverFieldsSortedAtEveryLevel(String body, String canonical, String checksum) throws Exception {
        assertThat(AviJson.write(JSON.readTree(body))).isEqualTo(canonical);
        assertThat(Payloads.checksum(JSON.readTree(body))).isEqualTo(checksum);
    }
}
