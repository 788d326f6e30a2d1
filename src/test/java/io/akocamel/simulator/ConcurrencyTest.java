package io.akocamel.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {
    private static AviSimulator avi;

    @BeforeAll
    static void start() {
        avi = AviSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        avi.close();
    }

    @Test
    void parallelWorkersGetDistinctVipsAndOneWinnerPerName() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 80).<Callable<Integer>>mapToObj(i -> () -> {
                AviClient client = new AviClient(avi).login();
                String name = "parallel-" + (i % 40);
                return client.post("/api/vsvip", "{\"name\":\"" + name + "\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\","
                        + "\"vip\":[{\"auto_allocate_ip\":true}]}").status();
            }).toList();
            List<Integer> statuses = workers.invokeAll(calls).stream().map(ConcurrencyTest::get).toList();

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(40);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
        } finally {
            workers.shutdownNow();
        }
        List<String> addresses = avi.objects("vsvip").stream()
                .map(v -> v.at("/vip/0/ip_address/addr").asText()).toList();
        assertThat(addresses).hasSize(40).doesNotHaveDuplicates().allMatch(a -> a.startsWith("10.10.10."));
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
