package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionQueryTest {
    private static final int POOLS = 60;
    private static AviSimulator avi;
    private static AviClient client;

    @BeforeAll
    static void start() {
        avi = AviSimulator.builder().build().start();
        client = new AviClient(avi).login();
        for (int i = 0; i < POOLS; i++) {
            String owner = i % 3 == 0 ? "ako-cluster-1" : "someone-else";
            String cloud = i % 2 == 0 ? "vcenter-cloud" : "Default-Cloud";
            client.post("/api/pool", String.format("{\"name\":\"cluster-1--pool-%02d\",\"created_by\":\"%s\","
                    + "\"cloud_ref\":\"/api/cloud?name=%s\",\"default_server_port\":%d}", i, owner, cloud, 8000 + i % 4));
        }
        client.post("/api/pool", "{\"name\":\"Other-Pool\",\"created_by\":\"someone-else\"}");
    }

    @AfterAll
    static void stop() {
        avi.close();
    }

    @Test
    void pagesFollowNextUntilTheLastPage() {
        List<String> names = new ArrayList<>();
        List<String> nexts = new ArrayList<>();
        String url = "/api/pool?name.contains=cluster-1--&page_size=25";
        while (url != null) {
            JsonNode page = client.get(url).json();
            assertThat(page.path("count").asInt()).isEqualTo(POOLS);
            page.path("results").forEach(p -> names.add(p.path("name").asText()));
            url = page.has("next") ? page.path("next").asText() : null;
            if (url != null) {
                nexts.add(url);
            }
        }

        assertThat(names).hasSize(POOLS).doesNotHaveDuplicates();
        assertThat(nexts).hasSize(2);
        assertThat(nexts.get(0)).startsWith(avi.baseUrl() + "/api/pool?").contains("page=2").contains("page_size=25")
                .contains("name.contains=cluster-1--");
        assertThat(nexts.get(1)).contains("page=3");
    }

    @Test
    void thePageSizeDefaultsTo25AndIsCappedAt200() {
        assertThat(client.get("/api/pool").json().path("results")).hasSize(25);
        assertThat(client.get("/api/pool?page_size=1000").json().path("results")).hasSize(POOLS + 1);
        assertThat(client.get("/api/pool?page_size=1000").json().has("next")).isFalse();
    }

    @Test
    void aPagePastTheEndIsEmpty() {
        JsonNode page = client.get("/api/pool?page=9").json();

        assertThat(page.path("count").asInt()).isEqualTo(POOLS + 1);
        assertThat(page.path("results")).isEmpty();
    }

    @Test
    void aNameThatMatchesNothingIsAnEmptyListNotA404() {
        AviClient.Reply reply = client.get("/api/pool?name=nothing");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("count").asInt()).isZero();
        assertThat(reply.json().has("next")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name=cluster-1--pool-07                        | 1",
            "name.contains=pool-0                           | 10",
            "name.icontains=OTHER                           | 1",
            "name.in=cluster-1--pool-01,Other-Pool          | 2",
            "created_by=ako-cluster-1                       | 20",
            "cloud_ref.name=vcenter-cloud                   | 30",
            "created_by=ako-cluster-1&cloud_ref.name=Default-Cloud | 10",
            "default_server_port=8001                       | 15",
            "enabled=true                                   | 61",
            "no_such_field=x                                | 0"})
    void filtersSelectTheMatchingObjects(String query, int count) {
        JsonNode page = client.get("/api/pool/?page_size=200&" + query).json();

        assertThat(page.path("count").asInt()).isEqualTo(count);
        assertThat(page.path("results")).hasSize(count);
    }

    @Test
    void cloudUuidFilterSelectsByCloud() {
        String cloud = client.uuidOf("cloud", "vcenter-cloud");

        assertThat(client.get("/api/pool?page_size=200&cloud_ref.uuid=" + cloud).json().path("count").asInt()).isEqualTo(30);
        assertThat(client.get("/api/pool?page_size=200&cloud_uuid=" + cloud).json().path("count").asInt()).isEqualTo(30);
    }

    @Test
    void refersToFindsTheObjectsThatUseAnother() {
        String pool = client.uuidOf("pool", "cluster-1--pool-03");
        client.post("/api/poolgroup", "{\"name\":\"uses-pool-03\",\"members\":[{\"pool_ref\":\"/api/pool/" + pool + "\"}]}");

        JsonNode page = client.get("/api/poolgroup?refers_to=pool:" + pool).json();

        assertThat(page.path("results").findValuesAsText("name")).containsExactly("uses-pool-03");
    }

    @Test
    void fieldsKeepsOnlyTheFieldsAskedForPlusNameUrlUuid() {
        JsonNode pool = client.get("/api/pool?name=cluster-1--pool-00&fields=created_by").json().path("results").get(0);

        List<String> fields = new ArrayList<>();
        pool.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("name", "url", "uuid", "created_by");
    }

    @Test
    void includeNameAddsNamesToRefs() {
        JsonNode plain = client.get("/api/pool?name=cluster-1--pool-00").json().path("results").get(0);
        JsonNode named = client.get("/api/pool?name=cluster-1--pool-00&include_name=true").json().path("results").get(0);

        assertThat(plain.path("cloud_ref").asText()).doesNotContain("#");
        assertThat(named.path("cloud_ref").asText()).endsWith("#vcenter-cloud");
        assertThat(named.path("url").asText()).endsWith("#cluster-1--pool-00");
    }

    @Test
    void sortOrdersByAField() {
        JsonNode page = client.get("/api/pool?name.contains=pool-0&sort=-name&fields=name").json();

        assertThat(page.path("results").get(0).path("name").asText()).isEqualTo("cluster-1--pool-09");
    }

    @Test
    void aTrailingSlashIsTheSameCollection() {
        assertThat(client.get("/api/pool/?name=Other-Pool").json().path("count").asInt()).isEqualTo(1);
        assertThat(client.get("/api/pool/" + client.uuidOf("pool", "Other-Pool") + "/").status()).isEqualTo(200);
    }

    @Test
    void badPagingParametersAre400() {
        assertThat(client.get("/api/pool?page=0").status()).isEqualTo(400);
        assertThat(client.get("/api/pool?page_size=many").status()).isEqualTo(400);
    }
}
