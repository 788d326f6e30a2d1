package io.akocamel.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AviCallMeterTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "https://10.0.0.1/api/pool, pool",
            "https://10.0.0.1/api/pool/pool-7a1b, pool",
            "http://127.0.0.1:9443/api/virtualservice?name=cluster-1--Shared-L7-0&include_name, virtualservice",
            "https://avi.example.com/api/cluster/runtime, cluster",
            "https://avi.example.com/api/initial-data, initial-data",
            "https://avi.example.com/login, other",
            "https://avi.example.com/api/, other",
            "null, other"})
    void theObjectTypeLabelIsThePathSegmentAfterApi(String uri, String type) {
        assertThat(AviCallMeter.objectType(uri)).isEqualTo(type);
    }
}
