package io.akocamel.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionsTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "22.1.2,  22.1.2,  0",
            "22.1.2,  22.1.10, -1",
            "30.2.1,  22.1.2,  1",
            "22.1,    22.1.0,  0",
            "21.1.4,  22.1.2,  -1",
            "22.1.3-2p1, 22.1.3, 0",
            "30.2.1-9001-20230401, 30.2.1, 0",
            "31.1.1,  30.2.1,  1",
            "22.1.3.1, 22.1.3, 1",
    })
    void versionsCompareNumerically(String a, String b, int sign) {
        assertThat(Integer.signum(Versions.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(Versions.compare(b, a))).isEqualTo(-sign);
    }
}
