package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole model of representative Ingresses against stored golden JSON (src/test/resources/golden/*.json), compared
 * canonically (field order ignored, list order significant). Shards that serve no host are left out of the goldens.
 * After a deliberate change, regenerate with {@code mvn test -Dtest=GoldenModelTest -Dgolden.update=true} and review
 * the diff.
 */
class GoldenModelTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            insecure-multi-path     | insecure-multi-path     | L7Settings.shardVSSize=SMALL
            tls                     | tls                     | L7Settings.shardVSSize=SMALL
            default-backend         | default-backend         | L7Settings.shardVSSize=SMALL
            multi-ingress-same-host | multi-ingress-same-host | L7Settings.shardVSSize=LARGE
            cluster-ip-placement    | insecure-multi-path     | L7Settings.shardVSSize=SMALL;NetworkSettings.nodeNetworkList=[{"networkName":"node-net","cidrs":["10.20.0.0/24"]}];ControllerSettings.vrfName=vrf-1
            nodeport                | nodeport                | L7Settings.shardVSSize=SMALL;L7Settings.serviceType=NodePort;nodePortSelector.key=avi;nodePortSelector.value=yes
            nodeportlocal           | nodeportlocal           | L7Settings.shardVSSize=SMALL;L7Settings.serviceType=NodePortLocal
            dedicated               | insecure-multi-path     | L7Settings.shardVSSize=DEDICATED
            infra-setting           | infra-setting           | L7Settings.shardVSSize=SMALL
            """)
    void modelMatchesGolden(String golden, String input, String settings) throws IOException {
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), K8s.yaml(K8s.resource("golden/" + input + ".yaml")));
        List<ShardModel> shards = new ModelBuilder().buildAll(cluster, K8s.settings(settings.split(";")));

        JsonNode actual = render(shards);
        Path file = Path.of("src/test/resources/golden", golden + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, pretty(actual) + "\n");
        }
        JsonNode expected = AviJson.parse(K8s.resource("golden/" + golden + ".json"));
        assertThat(pretty(actual)).isEqualTo(pretty(expected));
    }

    static JsonNode render(List<ShardModel> shards) {
        ArrayNode out = AviJson.array();
        for (ShardModel shard : shards) {
            if (shard.hosts().isEmpty() && shard.ingressHosts().values().stream().noneMatch(h -> h.contains(""))) {
                continue;
            }
            ObjectNode s = out.addObject();
            s.put("vs", shard.vsName());
            ArrayNode objects = s.putArray("objects");
            shard.objects().forEach(o -> objects.addObject().put("type", o.type().path()).put("name", o.name()).set("body", o.body()));
            ArrayNode warnings = s.putArray("warnings");
            shard.warnings().forEach(w -> warnings.addObject().put("ingress", w.ingress().toString())
                    .put("reason", w.reason().name()).put("message", w.message()));
            ObjectNode hosts = s.putObject("ingressHosts");
            shard.ingressHosts().forEach((ingress, set) -> set.forEach(h -> hosts.withArray(ingress.toString()).add(h)));
        }
        return out;
    }

    private static String pretty(JsonNode node) throws IOException {
        return AviJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).with(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .writeValueAsString(node);
    }
}
