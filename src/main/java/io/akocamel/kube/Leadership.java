package io.akocamel.kube;

/**
 * Whether this replica may write now: to the Avi Controller, Ingress status, Events. Every writer asks it right before
 * its call, so a replica that stops being the leader writes nothing more ({@link LeaseElection}).
 */
@FunctionalInterface
public interface Leadership {
    /** A controller that runs alone (no {@code POD_NAME}: the demo, a run on a laptop): no election, always the leader. */
    Leadership SOLE = () -> true;

    boolean isLeader();

    /** {@code leader} or {@code follower}, as {@code /api/status} shows it. */
    default String role() {
        return isLeader() ? "leader" : "follower";
    }
}
