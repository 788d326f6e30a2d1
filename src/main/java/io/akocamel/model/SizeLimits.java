package io.akocamel.model;

/**
 * How much one shard VS takes. Avi documents no hard maximum for these, but every host is a policy set and an entry in
 * the parent's {@code http_policies} and the VS VIP's {@code dns_info}, and every path one or two rules of its host's
 * policy set: without a bound, one Ingress can make a single write so large that the controller refuses it, and then
 * no host of the shard changes. Whatever is over a limit is left out, deterministically (older Ingresses first, in
 * declaration order), with a Warning on the Ingresses it came from; the rest of the shard is served as usual.
 */
public final class SizeLimits {
    /** Distinct paths (after duplicates) one host serves; host-less paths count separately against the same limit. */
    public static final int PATHS_PER_HOST = 1_000;
    /** Hosts one shared VS serves (DEDICATED VSes serve one each). */
    public static final int HOSTS_PER_SHARD = 1_000;

    private SizeLimits() {
    }
}
