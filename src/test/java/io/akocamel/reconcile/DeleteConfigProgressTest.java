package io.akocamel.reconcile;

import io.akocamel.kube.DeletionStatus;
import io.akocamel.kube.PodEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteConfigProgressTest {
    /** Pod Events and StatefulSet writes, in order: "event Reason" and "annotation Value" / "annotation removed". */
    final List<String> told = new ArrayList<>();
    final DeleteConfigProgress progress = new DeleteConfigProgress(new PodEvents() {
        @Override
        public void warning(String reason, String message) {
            told.add("warning " + reason);
        }

        @Override
        public void normal(String reason, String message) {
            told.add("event " + reason);
        }
    }, new DeletionStatus() {
        @Override
        public void set(String status) {
            told.add("annotation " + status);
        }

        @Override
        public void clear() {
            told.add("annotation removed");
        }
    });

    @Test
    void setThenEverythingDeletedThenUnsetTellsAsAko() {
        progress.changed(true, false);
        progress.reconciled(false, false);
        progress.reconciled(false, false);
        progress.reconciled(true, false);
        progress.reconciled(false, true);
        progress.reconciled(false, true);
        progress.changed(false, false);

        assertThat(told).containsExactly("event AKODeleteConfigSet", "annotation Started", "annotation Done", "event AKODeleteConfigDone",
                "annotation removed", "event AKODeleteConfigUnset");
    }

    @Test
    void nothingOwnedIsNotDoneUntilTheStaticRoutesWereReconciled() {
        progress.changed(true, false);
        progress.reconciled(false, true);
        assertThat(told).containsExactly("event AKODeleteConfigSet", "annotation Started");

        progress.reconciled(true, true);
        assertThat(told).endsWith("annotation Done", "event AKODeleteConfigDone");
    }

    @Test
    void deleteConfigAtStartSaysNothingUntilTheFirstReconcileWritesTheAnnotation() {
        progress.changed(true, true);
        assertThat(told).isEmpty();

        progress.reconciled(true, true);
        assertThat(told).containsExactly("annotation Started", "annotation Done", "event AKODeleteConfigDone");
    }

    @Test
    void reconcilesWithoutDeleteConfigTellNothing() {
        progress.changed(false, true);
        progress.reconciled(true, true);

        assertThat(told).isEmpty();
    }

    @Test
    void aSecondSetStartsAgain() {
        progress.changed(true, false);
        progress.reconciled(true, true);
        progress.changed(false, false);
        told.clear();

        progress.changed(true, false);
        progress.reconciled(false, true);
        progress.reconciled(true, true);

        assertThat(told).containsExactly("event AKODeleteConfigSet", "annotation Started", "annotation Done", "event AKODeleteConfigDone");
    }
}
