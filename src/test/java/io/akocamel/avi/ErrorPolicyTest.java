package io.akocamel.avi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.akocamel.model.AviType;
import io.akocamel.testing.TestSettings;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One scripted controller per error class of routes/avi-error-policy.camel.yaml; asserts the exact requests sent. */
class ErrorPolicyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SHARD = "cluster-1--Shared-L7-0";
    final FakeController controller = new FakeController();

    @AfterEach
    void stop() {
        controller.close();
    }

    // ---- operations and scripted answers ----

    static ObjectNode body(String name) {
        return JSON.createObjectNode().put("name", name).put("created_by", "ako-cluster-1");
    }

    static AviOperation create(AviType type, String name, String... dependsOn) {
        return new AviOperation(AviMethod.POST, type, name, null, body(name), "ck-" + name, "new@0", Set.of(dependsOn));
    }

    static AviOperation update(AviType type, String name, String uuid, String lastModified) {
        return new AviOperation(AviMethod.PUT, type, name, uuid, body(name).put("_last_modified", lastModified), "ck2-" + name,
                uuid + "@" + lastModified, Set.of());
    }

    static AviOperation delete(AviType type, String name, String uuid) {
        return new AviOperation(AviMethod.DELETE, type, name, uuid, null, "ck-" + name, "delete@" + uuid, Set.of());
    }

    static ResponseDefinitionBuilder stored(int status, String name, String uuid, String createdBy, String lastModified) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(JSON.createObjectNode()
                .put("name", name).put("uuid", uuid).put("created_by", createdBy).put("_last_modified", lastModified).toString());
    }

    static ResponseDefinitionBuilder created(String name) {
        return stored(201, name, "pool-" + name, "ako-cluster-1", "10");
    }


    AviCamel start() throws Exception {
        return AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build());
    }

    static List<Outcome> outcomes(BatchResult result) {
        return result.results().stream().map(OperationResult::outcome).toList();
    }

    JsonNode bodyOf(int request) throws Exception {
        return JSON.readTree(controller.requests().get(request).getBodyAsString());
    }

    // ---- transient: 5xx, timeouts ----

    @Test
    void serverErrorIsRetriedAndThenSucceeds() throws Exception {
        controller.script("POST", "/api/pool", FakeController.error(503, "Service Unavailable"), created("p1"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"))));

            assertThat(outcomes(result)).containsExactly(Outcome.CREATED);
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /api/pool");
            assertThat(bodyOf(2)).isEqualTo(bodyOf(1));
            assertThat(camel.deadLetters().list()).isEmpty();
        }
    }

    @Test
    void persistentServerErrorsBackOffExponentiallyThenLandInTheDeadLetterStoreAndTheShardIsReconciledLater() throws Exception {
        controller.script("POST", "/api/pool", FakeController.error(503, "Service Unavailable"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(
                    create(AviType.POOL, "p1"), create(AviType.POOLGROUP, "pg1", "pool/p1"))));

            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /api/pool", "POST /api/pool");
            List<Instant> times = controller.requests().stream().map(r -> r.getLoggedDate().toInstant()).toList();
            assertThat(Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(20));
            assertThat(Duration.between(times.get(2), times.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(40));
            assertThat(outcomes(result)).containsExactly(Outcome.FAILED, Outcome.FAILED);
            assertThat(result.results().get(0)).extracting(OperationResult::errorClass, OperationResult::status, OperationResult::message)
                    .containsExactly(ErrorClass.TRANSIENT, 503, "Service Unavailable");
            assertThat(result.results().get(1).errorClass()).isEqualTo(ErrorClass.NOT_ATTEMPTED);
            assertThat(camel.deadLetters().list()).singleElement().satisfies(dead -> {
                assertThat(dead.objectKey()).isEqualTo("pool/p1");
                assertThat(dead.shardKey()).isEqualTo(SHARD);
                assertThat(dead.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
                assertThat(dead.attempts()).isEqualTo(1);
                assertThat(dead.retryAt()).isNotNull();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> camel.reconcileRequests.contains(SHARD));
        }
    }

    @Test
    void aCallThatTimesOutIsRetried() throws Exception {
        controller.script("POST", "/api/pool", created("p1").withFixedDelay(2000), created("p1"));
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().callTimeout(Duration.ofMillis(400)).build())) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"))));

            assertThat(outcomes(result)).containsExactly(Outcome.CREATED);
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /api/pool");
        }
    }

    @Test
    void anUnreachableControllerIsATransientFailure() throws Exception {
        String url = controller.url();
        controller.close();
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(url).quickRetries().build())) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"))));

            assertThat(result.results().get(0).errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(result.results().get(0).message()).contains("cannot reach the Avi Controller");
            assertThat(camel.components().session().state()).isEqualTo(AviSession.State.UNREACHABLE);
        }
    }

    // ---- session ----

    @Test
    void unauthorizedMidBatchLogsInAgainOnceAndReplaysTheCall() throws Exception {
        controller.stubLogins("1", "2");
        controller.script("POST", "/api/pool", created("p1"), FakeController.error(401, "Authentication credentials were not provided."), created("p2"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"), create(AviType.POOL, "p2"))));

            assertThat(outcomes(result)).containsExactly(Outcome.CREATED, Outcome.CREATED);
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /api/pool", "POST /login", "POST /api/pool");
            assertThat(bodyOf(2).path("name").asText()).isEqualTo("p2");
            assertThat(bodyOf(4)).isEqualTo(bodyOf(2));
            LoggedRequest replay = controller.requests().get(4);
            assertThat(replay.getHeader("Cookie")).isEqualTo(FakeController.cookieHeader("2"));
            assertThat(replay.getHeader("X-CSRFToken")).isEqualTo(FakeController.csrf("2"));
        }
    }

    @Test
    void aSecondUnauthorizedForTheSameCallIsNotRetriedAgain() throws Exception {
        controller.stubLogins("1", "2", "3");
        controller.script("POST", "/api/pool", FakeController.error(401, "CSRF token missing or incorrect."));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"))));

            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /login", "POST /api/pool");
            assertThat(result.results().get(0)).extracting(OperationResult::errorClass, OperationResult::status)
                    .containsExactly(ErrorClass.SESSION, 401);
        }
    }

    @Test
    void invalidCredentialsAreAFatalConfigurationErrorWithoutATightLoop() throws Exception {
        controller.server.stubFor(post(urlEqualTo("/login")).willReturn(FakeController.error(401, "Invalid credentials")));
        try (LogCapture logs = new LogCapture(java.util.Map.of()); AviCamel camel = start()) {
            BatchResult first = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"), create(AviType.POOL, "p2"))));
            BatchResult second = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p3"))));

            assertThat(controller.calls()).containsExactly("POST /login");
            assertThat(first.results().get(0).errorClass()).isEqualTo(ErrorClass.CREDENTIALS);
            assertThat(first.results().get(0).message()).contains("rejected the login of user 'admin'", "Invalid credentials", "avicredentials");
            assertThat(first.results().get(1).errorClass()).isEqualTo(ErrorClass.NOT_ATTEMPTED);
            assertThat(second.results().get(0).errorClass()).isEqualTo(ErrorClass.CREDENTIALS);
            HealthCheck readiness = camel.controllerHealthCheck();
            assertThat(readiness.call().getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(readiness.call().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Invalid credentials"));
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("ERROR")).singleElement()
                    .satisfies(line -> assertThat(line).contains("rejected the login", "next login attempt in 60 s"));
        }
    }

    // ---- 404, 409, 412 ----

    @Test
    void deletingAnObjectThatIsAlreadyGoneSucceeds() throws Exception {
        controller.script("DELETE", "/api/pool/pool-1", FakeController.error(404, "Pool object not found!"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(delete(AviType.POOL, "p1", "pool-1"))));

            assertThat(outcomes(result)).containsExactly(Outcome.DELETED);
            assertThat(controller.calls()).containsExactly("POST /login", "DELETE /api/pool/pool-1");
        }
    }

    @Test
    void updatingAnObjectThatVanishedCreatesItAgain() throws Exception {
        controller.script("PUT", "/api/pool/pool-1", FakeController.error(404, "Pool object not found!"));
        controller.script("POST", "/api/pool", created("p1"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(update(AviType.POOL, "p1", "pool-1", "5"))));

            assertThat(outcomes(result)).containsExactly(Outcome.CREATED);
            assertThat(controller.calls()).containsExactly("POST /login", "PUT /api/pool/pool-1", "POST /api/pool");
            assertThat(bodyOf(2)).isEqualTo(body("p1"));
        }
    }

    @Test
    void conflictWithAnObjectOfOursIsAdopted() throws Exception {
        controller.script("POST", "/api/pool", FakeController.error(409, "Pool with this Name, Tenant ref and Cloud ref already exists."));
        controller.script("GET", "/api/pool?name=p1&include_name=true", okJson("{\"count\":1,\"results\":["
                + "{\"name\":\"p1\",\"uuid\":\"pool-7\",\"created_by\":\"ako-cluster-1\",\"_last_modified\":\"55\"}]}"));
        controller.script("PUT", "/api/pool/pool-7", stored(200, "p1", "pool-7", "ako-cluster-1", "56"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"))));

            assertThat(outcomes(result)).containsExactly(Outcome.UPDATED);
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "GET /api/pool?name=p1&include_name=true",
                    "PUT /api/pool/pool-7");
            assertThat(bodyOf(3)).isEqualTo(body("p1").put("_last_modified", "55"));
            assertThat(camel.inventory().get(AviType.POOL, "p1")).hasValueSatisfying(p -> assertThat(p.lastModified()).isEqualTo("56"));
        }
    }

    @Test
    void conflictWithAForeignObjectIsNeverWrittenAndGoesToTheDeadLetterStore() throws Exception {
        controller.script("POST", "/api/pool", FakeController.error(409, "Pool with this Name, Tenant ref and Cloud ref already exists."));
        controller.script("GET", "/api/pool?name=p1&include_name=true", okJson("{\"count\":1,\"results\":["
                + "{\"name\":\"p1\",\"uuid\":\"pool-7\",\"created_by\":\"ako-cluster-2\",\"_last_modified\":\"55\"}]}"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"), create(AviType.POOLGROUP, "pg1", "pool/p1"))));

            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "GET /api/pool?name=p1&include_name=true");
            assertThat(result.results().get(0)).extracting(OperationResult::errorClass, OperationResult::message)
                    .containsExactly(ErrorClass.CONFLICT, "conflict with an object not owned by this cluster (created_by ako-cluster-2)");
            assertThat(result.results().get(1).errorClass()).isEqualTo(ErrorClass.NOT_ATTEMPTED);
            assertThat(result.warnings()).containsExactly(new AviWarning("pool/p1", "AviConflict",
                    "conflict with an object not owned by this cluster (created_by ako-cluster-2)"));
            assertThat(camel.deadLetters().list()).singleElement().satisfies(dead -> {
                assertThat(dead.errorClass()).isEqualTo(ErrorClass.CONFLICT);
                assertThat(dead.retryAt()).isNull();
            });
            assertThat(camel.inventory().get(AviType.POOL, "p1")).hasValueSatisfying(p -> assertThat(p.owned()).isFalse());
        }
    }

    @Test
    void staleUpdateIsReReadAndRetried() throws Exception {
        controller.script("PUT", "/api/pool/pool-1", FakeController.error(412, "Need to reload object data Pool"),
                stored(200, "p1", "pool-1", "ako-cluster-1", "3"));
        controller.script("GET", "/api/pool/pool-1?include_name=true", stored(200, "p1", "pool-1", "ako-cluster-1", "2"));
        try (AviCamel camel = start()) {
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(update(AviType.POOL, "p1", "pool-1", "1"))));

            assertThat(outcomes(result)).containsExactly(Outcome.UPDATED);
            assertThat(controller.calls()).containsExactly("POST /login", "PUT /api/pool/pool-1", "GET /api/pool/pool-1?include_name=true",
                    "PUT /api/pool/pool-1");
            assertThat(bodyOf(1).path("_last_modified").asText()).isEqualTo("1");
            assertThat(bodyOf(3)).isEqualTo(body("p1").put("_last_modified", "2"));
        }
    }

    // ---- 4xx ----

    @Test
    void noFreeIpIsRetriedSlowlyWithAWarningInsteadOfRedelivered() throws Exception {
        controller.script("POST", "/api/vsvip", FakeController.error(400, "No available free IPs"));
        try (AviCamel camel = start()) {
            Instant before = Instant.now();
            BatchResult result = camel.apply(new ShardBatch(SHARD, List.of(create(AviType.VSVIP, SHARD), create(AviType.POOL, "p1"))));

            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/vsvip");
            assertThat(result.results().get(0)).extracting(OperationResult::errorClass, OperationResult::status)
                    .containsExactly(ErrorClass.SLOW_RETRY, 400);
            assertThat(result.results().get(1).errorClass()).isEqualTo(ErrorClass.NOT_ATTEMPTED);
            assertThat(result.warnings()).containsExactly(new AviWarning("vsvip/" + SHARD, "AviWaiting", "No available free IPs"));
            assertThat(camel.deadLetters().list()).singleElement().satisfies(dead ->
                    assertThat(dead.retryAt()).isBetween(before.plusMillis(300), Instant.now().plusMillis(300)));
            await().atMost(Duration.ofSeconds(5)).until(() -> camel.reconcileRequests.contains(SHARD));
        }
    }

    @Test
    void anyOtherClientErrorIsNotRetriedAndItsMessageIsCarriedForTheIngress() throws Exception {
        controller.script("POST", "/api/pool", FakeController.error(400, "Invalid value for field lb_algorithm"), created("p2"));
        try (AviCamel camel = start()) {
            ShardBatch batch = new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"), create(AviType.POOL, "p2"),
                    create(AviType.POOLGROUP, "pg1", "pool/p1")));
            Exchange reply = camel.template.request("direct:avi-apply", e -> e.getMessage().setBody(batch));
            BatchResult result = reply.getMessage().getBody(BatchResult.class);

            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /api/pool");
            assertThat(outcomes(result)).containsExactly(Outcome.FAILED, Outcome.CREATED, Outcome.FAILED);
            assertThat(result.results().get(0)).extracting(OperationResult::errorClass, OperationResult::status, OperationResult::message)
                    .containsExactly(ErrorClass.REJECTED, 400, "Invalid value for field lb_algorithm");
            assertThat(result.results().get(2).message()).isEqualTo("not attempted: it depends on pool/p1, which failed");
            assertThat(reply.getMessage().getHeader(AviExchange.BATCH_SUCCEEDED)).isEqualTo(false);
            assertThat(reply.getMessage().getHeader(AviExchange.WARNINGS, List.class))
                    .containsExactly(new AviWarning("pool/p1", "AviRejected", "Invalid value for field lb_algorithm"));
            assertThat(camel.deadLetters().list()).singleElement().satisfies(dead -> assertThat(dead.retryAt()).isNull());
        }
    }

    // ---- idempotency and recovery ----

    @Test
    void aDuplicatedBatchSendsEachWriteOnce() throws Exception {
        controller.script("POST", "/api/pool", created("p1"));
        try (AviCamel camel = start()) {
            ShardBatch batch = new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1")));
            BatchResult first = camel.apply(batch);
            BatchResult second = camel.apply(batch);

            assertThat(outcomes(first)).containsExactly(Outcome.CREATED);
            assertThat(outcomes(second)).containsExactly(Outcome.NOOP);
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool");
        }
    }

    @Test
    void aFailedWriteIsSentAgainByTheNextBatchAndLeavesTheDeadLetterStore() throws Exception {
        controller.script("POST", "/api/pool", FakeController.error(400, "Invalid value"), created("p1"));
        try (AviCamel camel = start()) {
            ShardBatch batch = new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1")));
            assertThat(outcomes(camel.apply(batch))).containsExactly(Outcome.FAILED);
            assertThat(camel.deadLetters().size()).isEqualTo(1);

            assertThat(outcomes(camel.apply(batch))).containsExactly(Outcome.CREATED);
            assertThat(camel.deadLetters().list()).isEmpty();
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /api/pool");
        }
    }

    @Test
    void theControllerVersionIsDiscoveredAndCappedAt30_2_1() throws Exception {
        controller.script("GET", "/api/initial-data", okJson("{\"version\":{\"Version\":\"31.1.1\",\"build\":9001}}"));
        controller.script("POST", "/api/pool", created("p1"));
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().controllerVersion("").build())) {
            camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "p1"))));

            assertThat(controller.calls()).containsExactly("POST /login", "GET /api/initial-data", "POST /api/pool");
            assertThat(controller.requests().get(0).containsHeader("X-Avi-Version")).isFalse();
            assertThat(controller.requests().get(1).getHeader("Cookie")).isEqualTo(FakeController.cookieHeader("1"));
            assertThat(controller.requests().get(2).getHeader("X-Avi-Version")).isEqualTo("30.2.1");
        }
    }
}
