package io.akocamel.avi;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.akocamel.model.AviType;
import io.akocamel.testing.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Independent writes of a shard go out together, at most {@code akoCamel.aviSessions} in flight over all shards; what
 * depends on them waits. Concurrency is read from the controller's log: each call's arrival and answer.
 */
class ParallelWritesTest {
    private static final int SESSIONS = 3;
    private static final int ANSWER_DELAY_MILLIS = 300;
    /** WireMock logs arrival and duration in whole milliseconds. */
    private static final int ROUNDING_MILLIS = 5;
    private final FakeController controller = new FakeController();

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void independentPoolsGoOutTogetherAndTheGroupThatNeedsThemAfterThem() throws Exception {
        answerSlowly("pool");
        answerSlowly("poolgroup");
        List<AviOperation> ops = new ArrayList<>(pools("a", 7));
        ops.add(ErrorPolicyTest.create(AviType.POOLGROUP, "group", "pool/a-1", "pool/a-6"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch("shard", ops));

            assertThat(result.results()).extracting(OperationResult::outcome).containsOnly(Outcome.CREATED).hasSize(8);
        }
        List<Call> calls = writes();
        assertThat(calls.get(0).answered).as("the first write goes alone").isLessThanOrEqualTo(calls.get(1).sent + ROUNDING_MILLIS);
        assertThat(mostInFlight(calls)).isEqualTo(SESSIONS);
        Call group = calls.stream().filter(c -> c.path.equals("/api/poolgroup")).findFirst().orElseThrow();
        assertThat(calls).filteredOn(c -> c.path.equals("/api/pool")).hasSize(7).allSatisfy(pool ->
                assertThat(pool.answered).isLessThanOrEqualTo(group.sent + ROUNDING_MILLIS));
    }

    @Test
    void twoShardsTogetherStayWithinTheSessions() throws Exception {
        answerSlowly("pool");
        try (AviCamel camel = start()) {
            CompletableFuture<BatchResult> first = CompletableFuture.supplyAsync(() -> camel.apply(new ShardBatch("shard-1", pools("a", 6))));
            CompletableFuture<BatchResult> second = CompletableFuture.supplyAsync(() -> camel.apply(new ShardBatch("shard-2", pools("b", 6))));

            assertThat(first.get().succeeded()).isTrue();
            assertThat(second.get().succeeded()).isTrue();
        }
        assertThat(writes()).hasSize(12);
        assertThat(mostInFlight(writes())).isEqualTo(SESSIONS);
    }

    private AviCamel start() throws Exception {
        return AviCamel.start(TestSettings.builder().controller(controller.url()).set("akoCamel.aviSessions", String.valueOf(SESSIONS))
                .build());
    }

    private void answerSlowly(String type) {
        controller.server.stubFor(post(urlEqualTo("/api/" + type)).willReturn(ErrorPolicyTest.created("x").withFixedDelay(ANSWER_DELAY_MILLIS)));
    }

    private static List<AviOperation> pools(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> ErrorPolicyTest.create(AviType.POOL, prefix + "-" + i)).toList();
    }

    /** A write as the controller saw it: when it arrived and when its answer was sent (epoch ms). */
    private record Call(String path, long sent, long answered) {
    }

    private List<Call> writes() {
        return controller.server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/api/"))
                .map(ParallelWritesTest::call).sorted(Comparator.comparingLong(Call::sent)).toList();
    }

    private static Call call(ServeEvent e) {
        long sent = e.getRequest().getLoggedDate().getTime();
        return new Call(e.getRequest().getUrl(), sent, sent + e.getTiming().getTotalTime());
    }

    /** The most calls in flight at one moment. */
    private static int mostInFlight(List<Call> calls) {
        int most = 0;
        for (Call c : calls) {
            most = Math.max(most, (int) calls.stream().filter(o -> o.sent <= c.sent && c.sent + ROUNDING_MILLIS < o.answered).count());
        }
        return most;
    }
}
