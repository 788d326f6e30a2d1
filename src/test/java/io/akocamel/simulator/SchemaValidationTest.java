package io.akocamel.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaValidationTest extends SharedSimulatorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "enum at the top          | virtualservice | {\"name\":\"v\",\"type\":\"FOO\"} "
                    + "| Invalid enum value 'FOO' for field 'type' (VirtualService)",
            "enum in a list item      | vsvip          | {\"name\":\"v\",\"vip\":[{\"vip_id\":\"0\",\"auto_allocate_ip_type\":\"V5_ONLY\"}]} "
                    + "| Invalid enum value 'V5_ONLY' for field 'vip[0].auto_allocate_ip_type' (VsVip)",
            "enum through $ref        | httppolicyset  | {\"name\":\"h\",\"http_request_policy\":{\"rules\":[{\"name\":\"r\",\"index\":1,\"match\":{\"path\":{\"match_criteria\":\"STARTS\"}}}]}} "
                    + "| Invalid enum value 'STARTS' for field 'http_request_policy.rules[0].match.path.match_criteria' (HTTPPolicySet)",
            "enum in a list of enums  | httppolicyset  | {\"name\":\"h\",\"http_request_policy\":{\"rules\":[{\"name\":\"r\",\"index\":1,\"match\":{\"method\":{\"match_criteria\":\"IS_IN\",\"methods\":[\"HTTP_METHOD_FETCH\"]}}}]}} "
                    + "| Invalid enum value 'HTTP_METHOD_FETCH' for field 'http_request_policy.rules[0].match.method.methods[0]' (HTTPPolicySet)",
            "string for an integer    | virtualservice | {\"name\":\"v\",\"services\":[{\"port\":\"80\"}]} "
                    + "| Invalid type for field 'services[0].port' (VirtualService): expected integer, got string",
            "integer for a string     | pool           | {\"name\":\"p\",\"servers\":[{\"ip\":{\"addr\":10,\"type\":\"V4\"}}]} "
                    + "| Invalid type for field 'servers[0].ip.addr' (Pool): expected string, got integer",
            "string for a boolean     | pool           | {\"name\":\"p\",\"enabled\":\"yes\"} "
                    + "| Invalid type for field 'enabled' (Pool): expected boolean, got string",
            "fraction for an integer  | pool           | {\"name\":\"p\",\"default_server_port\":80.5} "
                    + "| Invalid type for field 'default_server_port' (Pool): expected integer, got number",
            "object for a list        | pool           | {\"name\":\"p\",\"servers\":{\"ip\":{\"addr\":\"10.0.0.1\",\"type\":\"V4\"}}} "
                    + "| Invalid type for field 'servers' (Pool): expected array, got object",
            "list for an object       | vsvip          | {\"name\":\"v\",\"vip\":[{\"vip_id\":\"0\",\"ip_address\":[]}]} "
                    + "| Invalid type for field 'vip[0].ip_address' (VsVip): expected object, got array",
            "missing required name    | pool           | {\"description\":\"no name\"} "
                    + "| Field 'name' is required (Pool)",
            "missing required type    | healthmonitor  | {\"name\":\"hm\"} "
                    + "| Field 'type' is required (HealthMonitor)"})
    void invalidPayloadsAre400NamingTheField(String rule, String type, String body, String message) {
        AviClient.Reply reply = client.post("/api/" + type, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo(message);
    }

    @Test
    void validationAppliesToPutAndPatchToo() {
        String uuid = client.post("/api/pool", "{\"name\":\"checked\"}").json().path("uuid").asText();

        assertThat(client.put("/api/pool/" + uuid, "{\"name\":\"checked\",\"lb_algorithm\":\"LB_RANDOMISH\"}").error())
                .isEqualTo("Invalid enum value 'LB_RANDOMISH' for field 'lb_algorithm' (Pool)");
        assertThat(client.patch("/api/pool/" + uuid, "{\"replace\":{\"enabled\":1}}").error())
                .isEqualTo("Invalid type for field 'enabled' (Pool): expected boolean, got integer");
    }

    @Test
    void unknownFieldsAreDroppedNotRejected() {
        AviClient.Reply reply = client.post("/api/pool", "{\"name\":\"lenient\",\"no_such_field\":1,"
                + "\"servers\":[{\"ip\":{\"addr\":\"10.0.0.1\",\"type\":\"V4\"},\"mystery\":true}]}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().has("no_such_field")).isFalse();
        assertThat(reply.json().path("servers").get(0).has("mystery")).isFalse();
    }

    @Test
    void nullCountsAsAbsent() {
        assertThat(client.post("/api/pool", "{\"name\":\"nulls\",\"description\":null}").status()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        assertThat(client.post("/api/pool", "{not json").status()).isEqualTo(400);
        assertThat(client.post("/api/pool", "[]").status()).isEqualTo(400);
    }
}
