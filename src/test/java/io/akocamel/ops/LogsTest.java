package io.akocamel.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akocamel.app.Components;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** akoCamel.logFormat (text | json) and AKO's runtime log level from the avi-k8s-config ConfigMap. */
class LogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void restore() {
        LogFormat.apply("text");
        Configurator.setLevel("io.akocamel", Level.INFO);
    }

    @Test
    void jsonFormatWritesOneEcsObjectPerLineWithTheStackTrace() throws Exception {
        LogFormat.apply("json");

        assertThat(LogFormat.current()).isEqualTo("json");
        Layout<?> layout = context().getConfiguration().getRootLogger().getAppenders().get(LogFormat.JSON).getLayout();
        String line = new String(layout.toByteArray(Log4jLogEvent.newBuilder().setLoggerName("io.akocamel.reconcile").setLevel(Level.WARN)
                .setMessage(new SimpleMessage("Shard cluster-1--Shared-L7-0: FAILED")).setThrown(new IllegalStateException("boom")).build()),
                StandardCharsets.UTF_8);
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("Shard cluster-1--Shared-L7-0: FAILED");
        assertThat(json.path("log.level").asText()).isEqualTo("WARN");
        assertThat(json.path("log.logger").asText()).isEqualTo("io.akocamel.reconcile");
        assertThat(json.path("error.stack_trace").asText()).contains("IllegalStateException: boom", "at io.akocamel.ops.LogsTest");
        assertThat(json.has("@timestamp")).isTrue();

        LogFormat.apply("text");

        assertThat(LogFormat.current()).isEqualTo("text");
        assertThat(context().getConfiguration().getRootLogger().getAppenders()).containsOnlyKeys(LogFormat.TEXT);
    }

    @Test
    void theLogFormatSettingTakesEffectWhenTheControllerIsConfigured() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            new Components(TestSettings.builder().controller("10.0.0.10").set("akoCamel.logFormat", "json").build(), null).configure(camel);

            assertThat(LogFormat.current()).isEqualTo("json");
        }
    }

    @Test
    void logLevelFollowsTheAviK8sConfigConfigMapWhileRunning() throws Exception {
        try (OpsFixture fixture = OpsFixture.create()) {
            fixture.startController();
            org.apache.logging.log4j.Logger ours = LogManager.getLogger("io.akocamel.reconcile");
            assertThat(ours.isDebugEnabled()).isFalse();

            fixture.client().configMaps().inNamespace("avi-system").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("avi-k8s-config").withNamespace("avi-system").endMetadata().addToData("logLevel", "DEBUG").build()).create();
            await().atMost(OpsFixture.WAIT).until(ours::isDebugEnabled);

            fixture.client().configMaps().inNamespace("avi-system").withName("avi-k8s-config")
                    .edit(cm -> new ConfigMapBuilder(cm).addToData("logLevel", "WARNING").build());
            await().atMost(OpsFixture.WAIT).until(() -> !ours.isInfoEnabled() && ours.isWarnEnabled());
        }
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }
}
