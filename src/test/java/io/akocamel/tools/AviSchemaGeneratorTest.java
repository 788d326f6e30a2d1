package io.akocamel.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AviSchemaGeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SWAGGER = """
            {"_comment": ["Copyright 2021 VMware, Inc."], "info": {"version": "30.2.1"}, "paths": {"/thing": {}},
             "definitions": {
              "Thing": {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "description": "Name of the thing."},
                "algorithm": {"type": "string", "default": "ALG_B",
                  "description": "How. Enum options - ALG_A, ALG_B,  ALG_C. Field introduced in 20.1.1."},
                "methods": {"type": "array", "items": {"type": "string"},
                  "description": "Methods. Enum options - GET, PUT. Maximum of 4 items allowed."},
                "size": {"type": "integer", "format": "int32", "description": "Enum options - 1, 2."},
                "url": {"type": "string", "readOnly": true, "description": "url"},
                "inner": {"$ref": "#/definitions/Inner"},
                "inners": {"type": "array", "items": {"$ref": "#/definitions/Inner"}},
                "anything": {"description": "No type."}}},
              "Inner": {"type": "object", "properties": {"on": {"type": "boolean", "default": true}}},
              "ThingApiResponse": {"type": "object", "properties": {"count": {"type": "integer"}}},
              "Unused": {"type": "object", "properties": {"x": {"type": "string"}}}}}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain string               | name      | {'type':'string'}",
            "enum from the description  | algorithm | {'default':'ALG_B','enum':['ALG_A','ALG_B','ALG_C'],'type':'string'}",
            "list of enum strings       | methods   | {'items':{'enum':['GET','PUT'],'type':'string'},'type':'array'}",
            "no enum but for strings    | size      | {'type':'integer'}",
            "read-only kept             | url       | {'readOnly':true,'type':'string'}",
            "ref                        | inner     | {'$ref':'#/definitions/Inner'}",
            "list of refs               | inners    | {'items':{'$ref':'#/definitions/Inner'},'type':'array'}",
            "no type means anything     | anything  | {}"})
    void propertiesKeepWhatTheValidatorReads(String rule, String field, String expected) throws IOException {
        JsonNode compact = AviSchemaGenerator.compact("Thing", MAPPER.readTree(SWAGGER));

        assertThat(compact.at("/definitions/Thing/properties/" + field)).isEqualTo(MAPPER.readTree(expected.replace('\'', '"')));
    }

    @Test
    void keepsTheDefinitionsTheModelReachesWithRequiredFieldsAndProvenance() throws IOException {
        JsonNode compact = AviSchemaGenerator.compact("Thing", MAPPER.readTree(SWAGGER));

        assertThat(compact.path("definitions").fieldNames()).toIterable().containsExactlyInAnyOrder("Thing", "Inner");
        assertThat(compact.at("/definitions/Thing/required")).isEqualTo(MAPPER.readTree("[\"name\"]"));
        assertThat(compact.path("model").asText()).isEqualTo("Thing");
        assertThat(compact.path("version").asText()).isEqualTo("30.2.1");
        assertThat(compact.path("_comment").get(0).asText()).isEqualTo("Copyright 2021 VMware, Inc.");
    }

    @Test
    void layoutSortsKeysAndPutsEachFieldOnItsOwnLine() throws IOException {
        JsonNode compact = MAPPER.readTree("""
                {"model": "M", "definitions": {"M": {"required": ["b"], "properties": {
                  "b": {"type": "string", "enum": ["Y", "X"]}, "a": {"type": "integer", "default": 1}}}}}""");

        assertThat(AviSchemaGenerator.layout(compact, 0)).isEqualTo("""
                {
                  "definitions": {
                    "M": {
                      "properties": {
                        "a": {"default":1,"type":"integer"},
                        "b": {"enum":["Y","X"],"type":"string"}
                      },
                      "required": ["b"]
                    }
                  },
                  "model": "M"
                }""");
    }

    @Test
    void regeneratesTheModelsAlreadyInTheOutputDirectory(@TempDir Path dir) throws IOException {
        Path swagger = Files.createDirectories(dir.resolve("swagger"));
        Path output = Files.createDirectories(dir.resolve("avi-api"));
        Files.writeString(swagger.resolve("Thing.json"), SWAGGER);
        Files.writeString(swagger.resolve("Other.json"), SWAGGER.replace("\"Thing\"", "\"Other\""));
        Files.writeString(output.resolve("Thing.json"), "{}");

        AviSchemaGenerator.main(new String[] {swagger.toString(), output.toString()});

        assertThat(Files.readString(output.resolve("Thing.json")))
                .isEqualTo(AviSchemaGenerator.layout(AviSchemaGenerator.compact("Thing", MAPPER.readTree(SWAGGER)), 0) + "\n");
        assertThat(output.resolve("Other.json")).doesNotExist();
    }
}
