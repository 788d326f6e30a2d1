package io.akocamel.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {
    private static final Percentiles ONE_TO_HUNDRED_MS = new Percentiles(
            IntStream.rangeClosed(1, 100).map(i -> 101 - i).mapToObj(Duration::ofMillis).toList());

    @ParameterizedTest(name = "p{0} of 1..100 ms = {1} ms")
    @CsvSource({"50, 50", "99, 99", "100, 100", "0.5, 1", "99.5, 100"})
    void theNearestRankOfUnsortedSamples(double percent, long expectedMillis) {
        assertThat(ONE_TO_HUNDRED_MS.p(percent)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "p{0} of [7 ms] = 7 ms")
    @CsvSource({"1", "50", "99", "100"})
    void oneSampleIsEveryPercentile(double percent) {
        assertThat(new Percentiles(List.of(Duration.ofMillis(7))).p(percent)).isEqualTo(Duration.ofMillis(7));
    }
}
