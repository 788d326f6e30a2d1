package io.akocamel.reconcile;

import io.akocamel.kube.DeletionStatus;
import io.akocamel.kube.PodEvents;

/**
 * What AKO tells about deleteConfig, on the controller's pod and StatefulSet: {@code AKODeleteConfigSet} and the
 * annotation {@code Started} when it turns true, {@code AKODeleteConfigDone} and {@code Done} once a reconcile leaves
 * no owned object (the static routes reconciled since), {@code AKODeleteConfigUnset} and the annotation removed when it
 * turns false. The annotation is written by the leader at its first deleting reconcile, so a replica elected during
 * the removal writes it too.
 */
public final class DeleteConfigProgress {
    static final String SET_REASON = "AKODeleteConfigSet";
    static final String UNSET_REASON = "AKODeleteConfigUnset";
    static final String DONE_REASON = "AKODeleteConfigDone";

    private final PodEvents pod;
    private final DeletionStatus statefulSet;
    private boolean deleting;
    private boolean startedWritten;
    private boolean staticRoutesCleared;
    private boolean done;

    /** Without a pod or a StatefulSet (tests, a run outside a cluster). */
    public static DeleteConfigProgress none() {
        return new DeleteConfigProgress(PodEvents.NONE, DeletionStatus.NONE);
    }

    public DeleteConfigProgress(PodEvents pod, DeletionStatus statefulSet) {
        this.pod = pod;
        this.statefulSet = statefulSet;
    }

    /** deleteConfig at start, or changed in {@code avi-k8s-config}. */
    public synchronized void changed(boolean deleteConfig, boolean atStart) {
        deleting = deleteConfig;
        startedWritten = false;
        staticRoutesCleared = false;
        done = false;
        if (atStart) {
            return;
        }
        if (deleteConfig) {
            pod.normal(SET_REASON, "DeleteConfig set in configmap, sync would be disabled: every Avi object of this cluster is being deleted");
        } else {
            statefulSet.clear();
            pod.normal(UNSET_REASON, "DeleteConfig unset in configmap, sync would be enabled: every Avi object is being recreated");
        }
    }

    /**
     * A reconcile by the leader under deleteConfig succeeded.
     *
     * @param staticRoutes whether it was the static routes' key
     * @param ownsNothing  whether the inventory holds no owned object any more (the VRF context aside, never deleted)
     */
    public synchronized void reconciled(boolean staticRoutes, boolean ownsNothing) {
        if (!deleting || done) {
            return;
        }
        if (!startedWritten) {
            startedWritten = true;
            statefulSet.set(DeletionStatus.STARTED);
        }
        staticRoutesCleared |= staticRoutes;
        if (staticRoutesCleared && ownsNothing) {
            done = true;
            statefulSet.set(DeletionStatus.DONE);
            pod.normal(DONE_REASON, "Every Avi object of this cluster was removed from the Avi Controller");
        }
    }
}
