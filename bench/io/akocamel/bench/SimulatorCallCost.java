package io.akocamel.bench;

import io.akocamel.simulator.AviSimulator;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's own cost per call with no latency injected, through the HTTP client the controller uses (Apache
 * HttpClient 5, TCP_NODELAY on by default; the simulator's Vert.x server sets it too): sequential authenticated
 * reads over one kept-alive connection. Nagle's algorithm with delayed ACKs would show here as ~40 ms per call.
 */
final class SimulatorCallCost {
    private static final int WARM_UP = 300;
    private static final int CALLS = 1_000;

    private SimulatorCallCost() {
    }

    static Percentiles measure() throws Exception {
        try (AviSimulator avi = AviSimulator.builder().build().start(); CloseableHttpClient http = HttpClients.createDefault()) {
            HttpPost login = new HttpPost(avi.baseUrl() + "/login");
            login.setEntity(new StringEntity("{\"username\":\"admin\",\"password\":\"" + AviSimulator.DEFAULT_PASSWORD + "\"}",
                    ContentType.APPLICATION_JSON));
            http.execute(login, response -> EntityUtils.toString(response.getEntity()));
            List<Duration> samples = new ArrayList<>();
            for (int call = 0; call < WARM_UP + CALLS; call++) {
                HttpGet read = new HttpGet(avi.baseUrl() + "/api/pool?name=none");
                read.setHeader("X-Avi-Version", AviSimulator.DEFAULT_VERSION);
                long start = System.nanoTime();
                int status = http.execute(read, response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
                if (status != 200) {
                    throw new IllegalStateException("the simulator answered " + status);
                }
                if (call >= WARM_UP) {
                    samples.add(Duration.ofNanos(System.nanoTime() - start));
                }
            }
            return new Percentiles(samples);
        }
    }
}
