package io.akocamel.reconcile;

import io.akocamel.kube.PodEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyEventsTest {

    @ParameterizedTest(name = "deleteConfig={0}")
    @CsvSource({"false, 'AKOReady,StatusSync'", "true, AKODeleteConfigSet"})
    void theEndOfTheInitialSyncIsToldOnceOnThePodAsAko(boolean deleteConfig, String reasons) {
        List<String> normal = new ArrayList<>();
        InitialSync initialSync = new InitialSync(new ReadyEvents(new PodEvents() {
            @Override
            public void warning(String reason, String message) {
                throw new AssertionError("no Warning expected: " + reason);
            }

            @Override
            public void normal(String reason, String message) {
                normal.add(reason);
            }
        }, () -> deleteConfig));

        initialSync.started(List.of("a", "b"));
        initialSync.done("a");
        assertThat(normal).isEmpty();
        initialSync.done("b");
        initialSync.done("b");
        initialSync.started(List.of("c"));
        initialSync.done("c");

        assertThat(String.join(",", normal)).isEqualTo(reasons);
    }
}
