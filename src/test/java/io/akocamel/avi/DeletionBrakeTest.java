package io.akocamel.avi;

import io.akocamel.config.Settings.BrakeLimits;
import io.akocamel.model.AviType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DeletionBrakeTest {
    static final BrakeLimits DEFAULTS = new BrakeLimits(0.5, 20);

    final List<String> alarms = new ArrayList<>();
    final DeletionBrake brake = new DeletionBrake(DEFAULTS, alarms::add);

    @ParameterizedTest(name = "share {0}, min {1}: {3} of {2} owned deleted → held {4}")
    @CsvSource({
            "0.5, 20,  100,  50, false",   // half is not more than half
            "0.5, 20,  100,  51, true",
            "0.5, 20,   30,  20, false",   // more than half, but not more than 20
            "0.5, 20,   30,  21, true",
            "0.5, 20, 1000, 400, false",
            "0.5, 20,   10,  10, false",   // everything, but few
            "1.0, 20,  100, 100, false",   // share 1: the brake is off
            "0.0,  0,  100,   1, true",    // share 0, min 0: every delete waits for confirmation
            "0.25, 50, 400, 101, true",
            "0.25, 50, 400, 100, false",
    })
    void holdsDeletesBeyondBothTheShareAndTheCount(double maxShare, int minObjects, int owned, int deletes, boolean held) {
        DeletionBrake brake = new DeletionBrake(new BrakeLimits(maxShare, minObjects), alarms::add);

        Plan sent = brake.admit(deletes("shard-1", 0, deletes), () -> owned, false);

        assertThat(sent.operations()).hasSize(held ? 0 : deletes);
        assertThat(brake.held()).isEqualTo(held ? deletes : 0);
        assertThat(alarms).hasSize(held ? 1 : 0);
    }

    @Test
    void theFirstShardOfAMassDeletionIsHeldWhenTheWholeClustersModelWantsMostObjectsGone() {
        Set<String> unwantedEverywhere = IntStream.range(0, 40).mapToObj(i -> "pool/p" + i).collect(Collectors.toSet());

        Plan sent = brake.admit(deletes("shard-1", 0, 5), () -> 60, false, () -> unwantedEverywhere);

        assertThat(sent.operations()).isEmpty();
        assertThat(brake.held()).isEqualTo(5);
        assertThat(alarms).hasSize(1);
        assertThat(brake.admit(deletes("shard-2", 5, 5), () -> 60, false, () -> Set.of("pool/p5")).operations()).isEmpty();
    }

    @Test
    void aFewUnwantedObjectsInTheWholeClusterDoNotEngageTheBrake() {
        assertThat(brake.admit(deletes("shard-1", 0, 5), () -> 60, false, () -> Set.of("pool/p0", "pool/p1")).operations()).hasSize(5);
        assertThat(alarms).isEmpty();
    }

    @Test
    void deletesOfEveryShardCountTowardsOneCycleAndOnceEngagedEveryDeleteIsHeld() {
        assertThat(brake.admit(deletes("shard-1", 0, 15), () -> 60, false).operations()).hasSize(15);
        // 15 sent + 16 = 31 of the 60 owned at the start: more than half, more than 20
        assertThat(brake.admit(deletes("shard-2", 100, 16), () -> 45, false).operations()).isEmpty();
        assertThat(brake.admit(deletes("shard-3", 200, 1), () -> 45, false).operations()).isEmpty();

        assertThat(brake.held()).isEqualTo(17);
        assertThat(brake.engagements()).isEqualTo(1);
        assertThat(alarms).singleElement().asString()
                .startsWith("16 deletion(s) held, because more than 50 % of the 60 objects this cluster owns and more than 20 objects")
                .contains("pool/p100", "deleteConfig");
    }

    @Test
    void theNextCompleteFullSyncConfirmsTheHeldDeletes() {
        Plan plan = deletes("shard-1", 0, 30);
        brake.admit(plan, () -> 40, false);

        brake.cycleStarted(true);

        assertThat(brake.admit(plan, () -> 40, false).operations()).hasSize(30);
        assertThat(brake.held()).isZero();
        assertThat(alarms).hasSize(1);
    }

    @Test
    void anIncompleteFullSyncConfirmsNothing() {
        Plan plan = deletes("shard-1", 0, 30);
        brake.admit(plan, () -> 40, false);

        brake.cycleStarted(false);

        assertThat(brake.admit(plan, () -> 40, false).operations()).isEmpty();
        assertThat(brake.held()).isEqualTo(30);
    }

    @Test
    void deletesTheFullSyncDidNotSeeHeldAreNewAndCountAgain() {
        brake.admit(deletes("shard-1", 0, 30), () -> 40, false);
        brake.cycleStarted(true);

        assertThat(brake.admit(deletes("shard-1", 500, 30), () -> 40, false).operations()).isEmpty();
        assertThat(brake.engagements()).isEqualTo(2);
    }

    @Test
    void deleteConfigIsAnExplicitOrderAndNeverHeld() {
        assertThat(brake.admit(deletes("shard-1", 0, 100), () -> 100, true).operations()).hasSize(100);
        assertThat(brake.held()).isZero();
        assertThat(alarms).isEmpty();
    }

    @Test
    void theWritesThatStopReferringToHeldObjectsAreHeldWithThemAndOtherWritesGo() {
        List<AviOperation> ops = new ArrayList<>();
        ops.add(op(AviMethod.POST, AviType.POOL, "new-pool", Set.of()));
        ops.add(op(AviMethod.PUT, AviType.POOLGROUP, "pg", Set.of()));
        ops.add(op(AviMethod.PUT, AviType.VIRTUALSERVICE, "vs", Set.of("poolgroup/pg")));
        // the planner makes a delete wait for the writes that stop referring to it
        deletes("shard-1", 0, 25).operations().forEach(d -> ops.add(d.withDependsOn(Set.of("poolgroup/pg"))));

        Plan sent = brake.admit(new Plan("shard-1", ops, List.of()), () -> 30, false);

        assertThat(sent.operations()).extracting(AviOperation::toString).containsExactly("POST pool/new-pool");
        assertThat(brake.held()).isEqualTo(25);
    }

    private static Plan deletes(String shard, int first, int count) {
        return new Plan(shard, IntStream.range(first, first + count)
                .mapToObj(i -> op(AviMethod.DELETE, AviType.POOL, "p" + i, Set.of())).toList(), List.of());
    }

    private static AviOperation op(AviMethod method, AviType type, String name, Set<String> dependsOn) {
        return new AviOperation(method, type, name, method == AviMethod.POST ? null : "uuid-" + name, null, "-", "basis", dependsOn);
    }
}
