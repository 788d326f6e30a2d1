package io.akocamel.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RequestLogTest {
    private AviSimulator avi;

    @BeforeEach
    void start() {
        avi = AviSimulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        avi.close();
    }

    @Test
    void everyCallIsRecordedWithMethodPathQueryAndStatus() {
        AviClient client = new AviClient(avi).login().tenant("admin");
        String uuid = client.post("/api/pool", "{\"name\":\"logged\"}").json().path("uuid").asText();
        client.get("/api/pool?name=logged");
        client.delete("/api/pool/" + uuid);
        client.get("/api/pool/" + uuid);

        assertThat(avi.requestLog()).extracting(RecordedRequest::toString).containsExactly(
                "POST /login -> 200",
                "POST /api/pool -> 201",
                "GET /api/pool?name=logged -> 200",
                "DELETE /api/pool/" + uuid + " -> 204",
                "GET /api/pool/" + uuid + " -> 404");
        assertThat(avi.requestLog()).filteredOn(RecordedRequest::isWrite).hasSize(2);
        assertThat(avi.requestLog().get(1).tenant()).isEqualTo("admin");
    }

    @Test
    void eachCallOnOneObjectNamesItAndListenersSeeEveryCall() {
        List<RecordedRequest> heard = new CopyOnWriteArrayList<>();
        avi.onRequest(heard::add);
        AviClient client = new AviClient(avi).login().tenant("admin");
        String uuid = client.post("/api/pool", "{\"name\":\"named\"}").json().path("uuid").asText();
        client.put("/api/pool/" + uuid, "{\"name\":\"renamed\"}");
        client.get("/api/pool?name=renamed");
        client.delete("/api/pool/" + uuid);
        client.delete("/api/pool/" + uuid);

        await().untilAsserted(() -> assertThat(heard).extracting(r -> r.method() + " " + r.objectName()).containsExactly(
                "POST null", "POST named", "PUT renamed", "GET null", "DELETE renamed", "DELETE null"));
        assertThat(heard).isEqualTo(avi.requestLog());
    }

    @Test
    void theLogIsAlsoReadableAndClearableOverTheAdminPath() {
        new AviClient(avi).login();
        AviClient admin = new AviClient(avi);

        assertThat(admin.get("/simulator/requests").json().findValuesAsText("path")).containsExactly("/login");
        assertThat(admin.delete("/simulator/requests").status()).isEqualTo(204);
        assertThat(avi.requestLog()).isEmpty();
    }
}
