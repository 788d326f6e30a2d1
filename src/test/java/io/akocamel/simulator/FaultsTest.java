package io.akocamel.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsTest {
    private final MutableClock clock = new MutableClock();
    private AviSimulator avi;
    private AviClient client;

    /** Each fault is set once from Java and once over the admin HTTP path. */
    enum Via { JAVA, ADMIN_HTTP }

    @BeforeEach
    void start() {
        avi = AviSimulator.builder().clock(clock).build().start();
        client = new AviClient(avi).login();
    }

    @AfterEach
    void stop() {
        avi.close();
    }

    private void set(Via via, Consumer<Faults> java, String json) {
        if (via == Via.JAVA) {
            java.accept(avi.faults());
        } else {
            AviClient.Reply reply = new AviClient(avi).post("/simulator/faults", json);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void latencyDelaysEveryCall(Via via) {
        set(via, f -> f.latency(Duration.ofMillis(300)), "{\"latencyMs\":300}");

        long started = System.nanoTime();
        AviClient.Reply reply = client.get("/api/pool");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(avi.faults().latency()).isEqualTo(Duration.ofMillis(300));
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void errorRateFailsThatShareOfCallsEvenly(Via via) {
        set(via, f -> f.errorRate(0.25, 503), "{\"errorRate\":0.25,\"errorStatus\":503}");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(client.get("/api/pool").status());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 503, 200, 200, 200, 503);
        avi.faults().errorRate(1.0, 500);
        AviClient.Reply failed = client.get("/api/pool");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.error()).isEqualTo("Injected fault");
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void outageWindowAnswers503UntilItEnds(Via via) {
        set(via, f -> f.outage(Duration.ofSeconds(30)), "{\"outageMs\":30000}");

        AviClient.Reply during = client.get("/api/pool");
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.error()).isEqualTo("Service Unavailable");
        assertThat(new AviClient(avi).get("/api/cluster/runtime").status()).isEqualTo(503);
        assertThat(new AviClient(avi).login("admin", "avi123").status()).isEqualTo(503);

        clock.advance(Duration.ofSeconds(31));

        assertThat(client.get("/api/pool").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void outageUntilClearedLastsUntilEnded(Via via) {
        set(via, Faults::outageUntilCleared, "{\"outage\":true}");
        clock.advance(Duration.ofMinutes(10));
        assertThat(client.get("/api/pool").status()).isEqualTo(503);

        set(via, Faults::endOutage, "{\"outage\":false}");

        assertThat(client.get("/api/pool").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void sessionsExpireAfterNCalls(Via via) {
        set(via, f -> f.sessionExpiryAfterCalls(3), "{\"sessionExpiryAfterCalls\":3}");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(client.get("/api/pool").status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 401);

        client.login();
        assertThat(client.get("/api/pool").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void clusterStateIsWhatRuntimeReports(Via via) {
        set(via, f -> f.clusterState("CLUSTER_STARTING"), "{\"clusterState\":\"CLUSTER_STARTING\"}");

        assertThat(client.get("/api/cluster/runtime").json().at("/cluster_state/state").asText())
                .isEqualTo("CLUSTER_STARTING");
    }

    @Test
    void deleteOnTheAdminPathClearsEveryFault() {
        avi.faults().latency(Duration.ofMillis(50)).errorRate(1, 500).outageUntilCleared().sessionExpiryAfterCalls(1)
                .clusterState("CLUSTER_STARTING");

        AviClient.Reply cleared = new AviClient(avi).delete("/simulator/faults");

        assertThat(cleared.json().path("latencyMs").asLong()).isZero();
        assertThat(cleared.json().path("outage").asBoolean()).isFalse();
        assertThat(client.get("/api/pool").status()).isEqualTo(200);
        assertThat(client.get("/api/cluster/runtime").json().at("/cluster_state/state").asText())
                .isEqualTo("CLUSTER_UP_NO_HA");
    }

    @Test
    void theAdminPathShowsTheCurrentFaults() {
        avi.faults().errorRate(0.5, 502).outage(Duration.ofSeconds(10));

        AviClient.Reply reply = new AviClient(avi).get("/simulator/faults");

        assertThat(reply.json().path("errorRate").asDouble()).isEqualTo(0.5);
        assertThat(reply.json().path("errorStatus").asInt()).isEqualTo(502);
        assertThat(reply.json().path("outage").asBoolean()).isTrue();
        assertThat(reply.json().path("outageRemainingMs").asLong()).isEqualTo(10_000);
    }

    @Test
    void badFaultSettingsAre400() {
        assertThat(new AviClient(avi).post("/simulator/faults", "{\"errorRate\":2}").status()).isEqualTo(400);
        assertThat(new AviClient(avi).post("/simulator/faults", "[]").status()).isEqualTo(400);
    }

    @Test
    void adminPathsAreNeitherFaultedNorLogged() {
        avi.faults().outageUntilCleared();
        avi.clearRequestLog();

        assertThat(new AviClient(avi).get("/simulator/dns").status()).isEqualTo(200);
        assertThat(avi.requestLog()).isEmpty();
    }

    @Test
    void writesOfOneObjectAreRejectedUntilAccepted() {
        avi.faults().rejectWrites("pool", "bad", "Invalid field: servers");
        AviClient.Reply created = client.post("/api/pool", "{\"name\":\"good\"}");

        AviClient.Reply rejected = client.post("/api/pool", "{\"name\":\"bad\"}");
        AviClient.Reply update = client.put("/api/pool/" + created.json().path("uuid").asText(), "{\"name\":\"bad\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("error").asText()).isEqualTo("Invalid field: servers");
        assertThat(update.status()).isEqualTo(400);
        avi.faults().acceptWrites("pool", "bad");
        assertThat(client.post("/api/pool", "{\"name\":\"bad\"}").status()).isEqualTo(201);
    }

    @Test
    void sessionsCanBeEndedOverTheAdminPath() {
        new AviClient(avi).post("/simulator/sessions/expire", "");

        assertThat(client.get("/api/pool").status()).isEqualTo(401);
    }
}
