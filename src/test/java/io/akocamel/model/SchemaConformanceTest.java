package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated body uses only fields the Avi object schemas define (the project's avi-api/*.json, 30.2.1), with the
 * schema's JSON types and enum values, so a controller (and the simulator, which validates against the same schemas)
 * accepts it.
 */
class SchemaConformanceTest {
    private static final Map<AviType, String> SCHEMAS = Map.of(
            AviType.VSVIP, "VsVip", AviType.SSLKEYANDCERTIFICATE, "SSLKeyAndCertificate", AviType.POOL, "Pool",
            AviType.POOLGROUP, "PoolGroup", AviType.HTTPPOLICYSET, "HTTPPolicySet", AviType.VIRTUALSERVICE, "VirtualService",
            AviType.VRFCONTEXT, "VrfContext", AviType.PKIPROFILE, "PKIProfile");
    private final Map<String, JsonNode> files = new HashMap<>();

    @Test
    void everyBodyConformsToTheAviSchema() throws IOException {
        List<ShardModel> shards = new ArrayList<>();
        for (String mode : List.of("ClusterIP", "NodePort", "NodePortLocal")) {
            shards.addAll(new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), DeterminismTest.cluster(new Random(11), 40)),
                    K8s.settings("L7Settings.serviceType=" + mode, "NetworkSettings.nodeNetworkList=[{\"networkName\":\"n\",\"cidrs\":[\"10.20.0.0/24\"]}]")));
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ShardModel shard : shards) {
            for (AviObject o : shard.objects()) {
                check(o.key(), o.body(), definition(SCHEMAS.get(o.type()), SCHEMAS.get(o.type())), SCHEMAS.get(o.type()), problems);
                checked++;
            }
        }
        var routes = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml(K8s.resource("golden/nodeport.yaml").replace("status:", "spec: {podCIDR: 10.244.0.0/24}\nstatus:"))), K8s.settings());
        for (JsonNode route : routes.routes()) {
            check("static route", route, definition("VrfContext", "StaticRoute"), "VrfContext", problems);
        }

        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(100);
        assertThat(routes.routes()).isNotEmpty();
    }

    private void check(String where, JsonNode value, JsonNode schema, String file, List<String> problems) throws IOException {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = definition(file, ref.substring(ref.lastIndexOf('/') + 1));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(where + ": expected an object");
                    return;
                }
                for (var field : value.properties()) {
                    JsonNode property = schema.path("properties").path(field.getKey());
                    if (property.isMissingNode()) {
                        problems.add(where + "." + field.getKey() + ": not in the schema");
                    } else {
                        check(where + "." + field.getKey(), field.getValue(), property, file, problems);
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": expected an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(where + "[" + i + "]", value.get(i), schema.path("items"), file, problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + ": expected a string");
                    return;
                }
                List<String> allowed = new ArrayList<>();
                schema.path("enum").forEach(option -> allowed.add(option.asText()));
                if (!allowed.isEmpty() && !allowed.contains(value.asText())) {
                    problems.add(where + ": '" + value.asText() + "' is not one of " + allowed);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + ": expected an integer");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + ": expected a boolean");
                }
            }
            default -> problems.add(where + ": schema type '" + type + "' not handled");
        }
    }

    private JsonNode definition(String file, String name) throws IOException {
        JsonNode spec = files.get(file);
        if (spec == null) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("avi-api/" + file + ".json")) {
                assertThat(in).as("avi-api/" + file + ".json on the classpath").isNotNull();
                spec = AviJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            files.put(file, spec);
        }
        JsonNode definition = spec.path("definitions").path(name);
        assertThat(definition.isMissingNode()).as(file + " defines " + name).isFalse();
        return definition;
    }
}
