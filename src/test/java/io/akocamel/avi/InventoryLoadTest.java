package io.akocamel.avi;

import io.akocamel.model.AviType;
import io.akocamel.testing.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** direct:avi-inventory-load and direct:avi-inventory-refresh against a scripted controller. */
class InventoryLoadTest {
    static final String EMPTY = "{\"count\":0,\"results\":[]}";
    final FakeController controller = new FakeController();

    @AfterEach
    void stop() {
        controller.close();
    }

    void answer(String url, String json) {
        controller.server.stubFor(get(urlEqualTo(url)).willReturn(okJson(json)));
    }

    static String pool(String name) {
        return "{\"name\":\"" + name + "\",\"uuid\":\"pool-" + name + "\",\"created_by\":\"ako-cluster-1\",\"_last_modified\":\"1\","
                + "\"markers\":[{\"key\":\"akocamel-shard\",\"values\":[\"cluster-1--Shared-L7-0\"]}]}";
    }

    void everythingEmpty() {
        controller.server.stubFor(get(urlPathEqualTo("/api/vsvip")).willReturn(okJson(EMPTY)));
        controller.server.stubFor(get(urlPathEqualTo("/api/sslkeyandcertificate")).willReturn(okJson(EMPTY)));
        controller.server.stubFor(get(urlPathEqualTo("/api/pkiprofile")).willReturn(okJson(EMPTY)));
        controller.server.stubFor(get(urlPathEqualTo("/api/poolgroup")).willReturn(okJson(EMPTY)));
        controller.server.stubFor(get(urlPathEqualTo("/api/httppolicyset")).willReturn(okJson(EMPTY)));
        controller.server.stubFor(get(urlPathEqualTo("/api/vsdatascriptset")).willReturn(okJson(EMPTY)));
        controller.server.stubFor(get(urlPathEqualTo("/api/virtualservice")).willReturn(okJson(EMPTY)));
        controller.server.stubFor(get(urlPathEqualTo("/api/vrfcontext")).willReturn(okJson(
                "{\"count\":1,\"results\":[{\"name\":\"global\",\"uuid\":\"vrfcontext-1\",\"_last_modified\":\"3\"}]}")));
    }

    @Test
    void everyOwnedObjectIsReadWithEveryPageTheCountAnnounces() throws Exception {
        everythingEmpty();
        String first = "/api/pool?created_by=ako-cluster-1&include_name=true&page_size=100";
        answer(first, "{\"count\":3,\"results\":[" + pool("a") + "],\"next\":\"" + controller.url() + first + "&page=2\"}");
        answer(first + "&page=2", "{\"count\":3,\"results\":[" + pool("b") + "],\"next\":\"" + controller.url() + first + "&page=3\"}");
        answer(first + "&page=3", "{\"count\":3,\"results\":[" + pool("c") + "]}");
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            InventoryLoader.LoadSummary summary = camel.loadInventory();

            assertThat(summary.complete()).isTrue();
            // the types are read in parallel, the pages of one type in order
            assertThat(controller.calls()).containsExactlyInAnyOrder("POST /login",
                    "GET /api/vsvip?name.contains=cluster-1--&include_name=true&page_size=100",
                    "GET /api/sslkeyandcertificate?created_by=ako-cluster-1&include_name=true&page_size=100",
                    "GET /api/pkiprofile?created_by=ako-cluster-1&include_name=true&page_size=100",
                    "GET " + first, "GET " + first + "&page=2", "GET " + first + "&page=3",
                    "GET /api/poolgroup?created_by=ako-cluster-1&include_name=true&page_size=100",
                    "GET /api/httppolicyset?created_by=ako-cluster-1&include_name=true&page_size=100",
                    "GET /api/vsdatascriptset?created_by=ako-cluster-1&include_name=true&page_size=100",
                    "GET /api/virtualservice?created_by=ako-cluster-1&include_name=true&page_size=100",
                    "GET /api/vrfcontext?name=global&include_name=true&cloud_ref.name=Default-Cloud");
            // the first page announces the count; the pages after it are read at once
            assertThat(controller.calls()).filteredOn(call -> call.startsWith("GET /api/pool?")).first().isEqualTo("GET " + first);
            assertThat(camel.inventory().owned(AviType.POOL)).extracting(StoredObject::name).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(camel.inventory().ownedByShard("cluster-1--Shared-L7-0")).hasSize(3);
            assertThat(camel.inventory().get(AviType.VRFCONTEXT, "global")).hasValueSatisfying(v -> assertThat(v.owned()).isFalse());
            assertThat(camel.inventory().isComplete()).isTrue();
        }
    }

    @Test
    void theLastAnnouncedPageFollowsNextWhenTheControllerHoldsMore() throws Exception {
        everythingEmpty();
        String first = "/api/pool?created_by=ako-cluster-1&include_name=true&page_size=100";
        // a count that says two pages (or no count at all) while the pages go on: next is followed from the last one
        answer(first, "{\"count\":2,\"results\":[" + pool("a") + "],\"next\":\"" + controller.url() + first + "&page=2\"}");
        answer(first + "&page=2", "{\"results\":[" + pool("b") + "],\"next\":\"" + controller.url() + first + "&page=3\"}");
        answer(first + "&page=3", "{\"results\":[" + pool("c") + "]}");
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            assertThat(camel.loadInventory().complete()).isTrue();

            assertThat(controller.calls()).filteredOn(call -> call.startsWith("GET /api/pool?"))
                    .containsExactly("GET " + first, "GET " + first + "&page=2", "GET " + first + "&page=3");
            assertThat(camel.inventory().owned(AviType.POOL)).extracting(StoredObject::name).containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @Test
    void aTypeThatCannotBeReadKeepsWhatWasKnownAndMarksTheInventoryIncomplete() throws Exception {
        everythingEmpty();
        String pools = "/api/pool?created_by=ako-cluster-1&include_name=true&page_size=100";
        answer(pools, "{\"count\":1,\"results\":[" + pool("a") + "]}");
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            assertThat(camel.loadInventory().complete()).isTrue();
            controller.server.stubFor(get(urlEqualTo(pools)).willReturn(FakeController.error(503, "Service Unavailable")));
            controller.server.stubFor(get(urlPathEqualTo("/api/virtualservice")).willReturn(okJson(
                    "{\"count\":1,\"results\":[{\"name\":\"vs\",\"uuid\":\"vs-1\",\"created_by\":\"ako-cluster-1\"}]}")));

            InventoryLoader.LoadSummary summary = camel.loadInventory();

            assertThat(summary.complete()).isFalse();
            assertThat(summary.failures()).containsExactly("pool: Service Unavailable");
            assertThat(camel.inventory().isComplete()).isFalse();
            assertThat(camel.inventory().get(AviType.POOL, "a")).isPresent();
            assertThat(camel.inventory().get(AviType.VIRTUALSERVICE, "vs")).isPresent();
        }
    }

    @Test
    void aFirstLoadInWhichAPageFailedDoesNotCountAsRead() throws Exception {
        everythingEmpty();
        String pools = "/api/pool?created_by=ako-cluster-1&include_name=true&page_size=100";
        // a failed page, an empty 2xx answer, a 2xx answer without a results array: none of them is a read
        for (var answer : List.of(FakeController.error(503, "Service Unavailable"), aResponse().withStatus(200),
                okJson("{\"count\":0}"))) {
            controller.server.stubFor(get(urlEqualTo(pools)).willReturn(answer));
            try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
                InventoryLoader.LoadSummary summary = camel.loadInventory();

                assertThat(summary.complete()).isFalse();
                assertThat(summary.failures()).singleElement().asString().startsWith("pool: ");
                assertThat(camel.inventory().isRead()).isFalse();
                assertThat(camel.inventory().epoch()).isZero();

                answer(pools, EMPTY);
                assertThat(camel.loadInventory().complete()).isTrue();
                assertThat(camel.inventory().isRead()).isTrue();
            }
        }
    }

    @Test
    void oneObjectIsRefreshedByName() throws Exception {
        answer("/api/pool?name=cluster-1--p&include_name=true", "{\"count\":1,\"results\":[" + pool("cluster-1--p") + "]}");
        answer("/api/pool?name=cluster-1--gone&include_name=true", EMPTY);
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            camel.inventory().record(AviType.POOL, PlannerTest.json(pool("cluster-1--gone")));
            long epoch = camel.inventory().epoch();

            StoredObject found = camel.template.requestBody("direct:avi-inventory-refresh", "pool/cluster-1--p", StoredObject.class);
            Object gone = camel.template.requestBody("direct:avi-inventory-refresh", "pool/cluster-1--gone");

            assertThat(found.uuid()).isEqualTo("pool-cluster-1--p");
            assertThat(gone).isNull();
            assertThat(camel.inventory().get(AviType.POOL, "cluster-1--gone")).isEmpty();
            assertThat(camel.inventory().epoch()).isEqualTo(epoch + 2);
        }
    }
}
