package io.akocamel.avi;

import io.akocamel.model.AviType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which operations of a batch may go out together: dependencies keep their order, deletes come last, the first goes alone. */
class ShardBatchLevelsTest {

    static Stream<Arguments> batches() {
        return Stream.of(
                arguments("nothing", List.of(), List.of()),
                arguments("one write", List.of(post("pool/a")), List.of(List.of(0))),
                arguments("independent pools: the first alone, then the rest together",
                        List.of(post("pool/a"), post("pool/b"), post("pool/c"), post("pool/d")),
                        List.of(List.of(0), List.of(1, 2, 3))),
                arguments("a policy set after its pools, the VS after its VIP and the policy set",
                        List.of(post("vsvip/vs"), post("pool/a"), post("pool/b"), post("httppolicyset/h", "pool/a", "pool/b"),
                                put("virtualservice/vs", "vsvip/vs", "httppolicyset/h")),
                        List.of(List.of(0), List.of(1, 2), List.of(3), List.of(4))),
                arguments("an update that depends on nothing joins the first level",
                        List.of(post("pool/a"), post("httppolicyset/h", "pool/a"), put("pool/b")),
                        List.of(List.of(0), List.of(1, 2))),
                arguments("deletes after every write, a pool after the policy set that referred to it",
                        List.of(post("pool/a"), put("httppolicyset/h", "pool/a"), delete("pool/old", "httppolicyset/h"),
                                delete("httppolicyset/gone"), delete("pool/gone", "httppolicyset/gone")),
                        List.of(List.of(0), List.of(1), List.of(2, 3), List.of(4))),
                arguments("a dependency outside the batch does not hold an operation back",
                        List.of(post("pool/a"), post("httppolicyset/h", "pool/elsewhere")),
                        List.of(List.of(0), List.of(1))),
                arguments("a batch of deletes",
                        List.of(delete("httppolicyset/h"), delete("pool/a", "httppolicyset/h"), delete("pool/b", "httppolicyset/h")),
                        List.of(List.of(0), List.of(1, 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void levels(String description, List<AviOperation> operations, List<List<Integer>> levels) {
        assertThat(new ShardBatch("shard", operations).levels()).isEqualTo(levels);
    }

    private static AviOperation post(String key, String... dependsOn) {
        return op(AviMethod.POST, key, dependsOn);
    }

    private static AviOperation put(String key, String... dependsOn) {
        return op(AviMethod.PUT, key, dependsOn);
    }

    private static AviOperation delete(String key, String... dependsOn) {
        return op(AviMethod.DELETE, key, dependsOn);
    }

    private static AviOperation op(AviMethod method, String key, String... dependsOn) {
        String[] typeAndName = key.split("/", 2);
        AviType type = AviType.fromPath(typeAndName[0]);
        return new AviOperation(method, type, typeAndName[1], method == AviMethod.POST ? null : "uuid-" + typeAndName[1], null, "ck",
                "basis", Set.of(dependsOn));
    }
}
