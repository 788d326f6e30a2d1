package io.akocamel.reconcile;

import io.akocamel.kube.PodEvents;

import java.util.function.BooleanSupplier;

/**
 * AKO's Events on its pod once the initial full sync finished: {@code AKOReady} and {@code StatusSync} (every Ingress
 * status written on the way), or, under deleteConfig, {@code AKODeleteConfigSet} as AKO says it is in disable-sync
 * state.
 */
public final class ReadyEvents implements Runnable {
    static final String READY_REASON = "AKOReady";
    static final String STATUS_SYNC_REASON = "StatusSync";

    private final PodEvents pod;
    private final BooleanSupplier deleteConfig;

    public ReadyEvents(PodEvents pod, BooleanSupplier deleteConfig) {
        this.pod = pod;
        this.deleteConfig = deleteConfig;
    }

    @Override
    public void run() {
        if (deleteConfig.getAsBoolean()) {
            pod.normal(DeleteConfigProgress.SET_REASON, "AKO is in disable sync state: deleteConfig is true, the Avi objects of "
                    + "this cluster are deleted and none created; set it to false in avi-k8s-config to bring them back");
            return;
        }
        pod.normal(READY_REASON, "AKO is now listening for Object updates in the cluster: the initial full sync finished");
        pod.normal(STATUS_SYNC_REASON, "Status syncing completed: every Ingress shows the address of the virtual service serving it");
    }
}
