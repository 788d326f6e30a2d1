package io.akocamel.ops;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.akocamel.testing.FreePort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Avi calls through a camel-http endpoint like route avi-call's: counted by method, type and status, and timed. */
class AviCallMeterTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WireMockServer controller = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void start() throws Exception {
        controller.start();
        camel.getManagementStrategy().addEventNotifier(new AviCallMeter(new AkoMetrics(meters)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(AviCallMeter.AVI_ENDPOINT + "?throwExceptionOnFailure=false");
                from("direct:other").to("http://elsewhere?throwExceptionOnFailure=false");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        controller.stop();
    }

    private Exchange call(String route, String method, String uri) {
        return camel.createProducerTemplate().request(route, e -> {
            e.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            e.getMessage().setHeader(Exchange.HTTP_URI, uri);
        });
    }

    private double calls(String method, String type, String status) {
        var counter = meters.find("ako.avi.calls").tags("method", method, "type", type, "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAnsweredCallIsCountedUnderItsStatusAndTimed() {
        controller.stubFor(delete(urlPathEqualTo("/api/pool/pool-1")).willReturn(aResponse().withStatus(404)));

        call("direct:call", "DELETE", controller.baseUrl() + "/api/pool/pool-1");

        assertThat(calls("DELETE", "pool", "404")).isEqualTo(1);
        assertThat(meters.get("ako.avi.call.duration").tags("method", "DELETE", "type", "pool").timer().count()).isEqualTo(1);
    }

    @Test
    void aCallWithoutAnswerIsCountedAsError() {
        int closed = FreePort.find();

        Exchange failed = call("direct:call", "GET", "http://127.0.0.1:" + closed + "/api/vsvip?name=cluster-1--Shared-L7-0");

        assertThat(failed.getException()).isNotNull();
        assertThat(calls("GET", "vsvip", "error")).isEqualTo(1);
    }

    @Test
    void callsToOtherEndpointsAreNotAviCalls() {
        call("direct:other", "GET", controller.baseUrl() + "/api/pool");

        assertThat(meters.find("ako.avi.calls").counters()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "https://10.0.0.1/api/pool, pool",
            "https://10.0.0.1/api/pool/pool-7a1b, pool",
            "http://127.0.0.1:9443/api/virtualservice?name=cluster-1--Shared-L7-0&include_name, virtualservice",
            "https://avi.example.com/api/cluster/runtime, cluster",
            "https://avi.example.com/api/initial-data, initial-data",
            "https://avi.example.com/login, other",
            "https://avi.example.com/api/, other",
            "null, other"})
    void theObjectTypeLabelIsThePathSegmentAfterApi(String uri, String type) {
        assertThat(AviCallMeter.objectType(uri)).isEqualTo(type);
    }
}
