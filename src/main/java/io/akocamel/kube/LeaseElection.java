package io.akocamel.kube;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Active/standby on AKO's Lease {@code ako-lease-lock} in the controller's namespace, with fabric8's
 * {@link LeaderElector} (client-go's algorithm: a follower takes a Lease not renewed for {@code leaseDuration}; the
 * leader renews every {@code retryPeriod} and gives up after {@code renewDeadline} without a renewal).
 * <p>
 * The election's callbacks can come late (a renewal call that hangs delays them), so writes are fenced by the Lease
 * itself: this replica may write only until {@code renewTime + renewDeadline} of the last Lease write that made it the
 * holder, a point before any other replica may take the Lease ({@code renewTime + leaseDuration}). A replica that gains
 * the Lease logs it and runs {@code onElected} before its first write; one that loses it logs it and stands again as a
 * candidate. Starting waits for the first look at the Lease (a single replica is the leader before its routes start);
 * stopping releases the Lease, so the other replica takes over at its next retry.
 */
public final class LeaseElection extends ServiceSupport implements Leadership {
    public static final String LEASE = "ako-lease-lock";
    /** AKO's reason for its leader election Events. */
    public static final String EVENT_REASON = "LeaderElection";
    private static final Logger LOG = LoggerFactory.getLogger(LeaseElection.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String identity;
    private final Settings.LeaderElection timing;
    private final Runnable onElected;
    private final CountDownLatch firstLook = new CountDownLatch(1);
    private ScheduledExecutorService executor;
    private KubernetesClient electionClient;
    private volatile CompletableFuture<?> candidacy;
    /** Writes are allowed before this instant: renewTime + renewDeadline of our last successful Lease write. */
    private volatile Instant writableUntil = Instant.MIN;
    private volatile String holder = "";

    /**
     * @param identity  this replica's name in the Lease ({@code POD_NAME})
     * @param onElected what to do when this replica becomes the leader, run just before its writes are allowed (on the
     *                  election thread: it must not block, or a renewal would wait)
     */
    public LeaseElection(KubernetesClient client, String namespace, String identity, Settings.LeaderElection timing, Runnable onElected) {
        this.client = client;
        this.namespace = namespace;
        this.identity = identity;
        this.timing = timing;
        this.onElected = onElected;
    }

    @Override
    public boolean isLeader() {
        return Instant.now().isBefore(writableUntil);
    }

    /** Who holds the Lease, as last seen ("" before the first look). */
    public String holder() {
        return holder;
    }

    @Override
    protected void doStart() throws InterruptedException {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ako-leader-election");
            thread.setDaemon(true);
            return thread;
        });
        electionClient = electionClient(client, timing);
        LOG.info("Leader election on Lease {}/{} as {} (lease {}, renew deadline {}, retry {})", namespace, LEASE, identity,
                timing.leaseDuration(), timing.renewDeadline(), timing.retryPeriod());
        stand();
        if (!firstLook.await(timing.renewDeadline().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Could not read Lease {}/{} within {}: starting as a follower (check RBAC: get, create and update on leases in {})",
                    namespace, LEASE, timing.renewDeadline(), namespace);
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        writableUntil = Instant.MIN;
        CompletableFuture<?> current = candidacy;
        if (current != null) {
            // releases the Lease if held: the other replica takes over at its next retry
            executor.execute(() -> current.cancel(true));
        }
        executor.shutdown();
        executor.awaitTermination(timing.renewDeadline().toMillis(), TimeUnit.MILLISECONDS);
        electionClient.close();
    }

    /** Runs one candidacy: acquire, then renew until the Lease is lost; a lost Lease leads to a new candidacy. */
    private void stand() {
        if (!isRunAllowed()) {
            return;
        }
        var config = new LeaderElectionConfigBuilder()
                .withName("ako-camel")
                .withLock(new FencedLock(new LeaseLock(namespace, LEASE, identity)))
                .withLeaseDuration(timing.leaseDuration())
                .withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(() -> { }, this::deposed, this::observed))
                .build();
        candidacy = new LeaderElector(electionClient, config, executor).start();
    }

    private void deposed() {
        writableUntil = Instant.MIN;
        if (!isRunAllowed()) {
            LOG.info("{} gave up the Lease {}/{} (stopping)", identity, namespace, LEASE);
            return;
        }
        LOG.warn("{} is no longer the leader (Lease {}/{} taken by another replica or not renewed within {}): it stopped writing "
                + "and stands again as a candidate", identity, namespace, LEASE, timing.renewDeadline());
        executor.schedule(this::stand, timing.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void observed(String newHolder) {
        holder = newHolder == null ? "" : newHolder;
        firstLook.countDown();
        if (!identity.equals(newHolder) && isRunAllowed()) {
            LOG.info("Lease {}/{} is held by {}: {} is a follower (watches and the Avi inventory kept warm, nothing written)",
                    namespace, LEASE, newHolder == null || newHolder.isEmpty() ? "nobody" : newHolder, identity);
        }
    }

    /** Called after each successful Lease write: a write with us as holder opens (or extends) the write window. */
    private void written(LeaderElectionRecord record) {
        // a renewal that completes while stopping does not reopen the window
        boolean ours = identity.equals(record.getHolderIdentity()) && isRunAllowed();
        if (ours && !isLeader()) {
            holder = identity;
            LOG.info("{} is now the leader (Lease {}/{}): it writes from now on, starting with a full sync", identity, namespace, LEASE);
            onElected.run();
        }
        writableUntil = ours ? record.getRenewTime().toInstant().plus(timing.renewDeadline()) : Instant.MIN;
        firstLook.countDown();
    }

    /**
     * The election's own client: no retries and calls bounded by the renew deadline, so a renewal against an API
     * server that does not answer fails in time instead of waiting through the client's back-off.
     */
    private static KubernetesClient electionClient(KubernetesClient client, Settings.LeaderElection timing) {
        int millis = (int) timing.renewDeadline().toMillis();
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0).withRequestTimeout(millis).withConnectionTimeout(millis).build()).build();
    }

    /** The Lease lock, telling {@link #written} about every successful write. */
    private final class FencedLock implements Lock {
        private final Lock lease;
        private boolean failing;

        FencedLock(Lock lease) {
            this.lease = lease;
        }

        @Override
        public LeaderElectionRecord get(KubernetesClient client) {
            LeaderElectionRecord[] read = new LeaderElectionRecord[1];
            call("read", () -> read[0] = lease.get(client));
            return read[0];
        }

        @Override
        public void create(KubernetesClient client, LeaderElectionRecord record) {
            call("create", () -> lease.create(client, record));
            written(record);
        }

        @Override
        public void update(KubernetesClient client, LeaderElectionRecord record) {
            call("update", () -> lease.update(client, record));
            written(record);
        }

        /** One warning per run of failures (fabric8's own log of each is off), one info line when the Lease answers again. */
        private void call(String what, Runnable call) {
            try {
                call.run();
                if (failing) {
                    failing = false;
                    LOG.info("Lease {}/{} answers again", namespace, LEASE);
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    LOG.warn("Cannot {} Lease {}/{}: {} (check the API server and RBAC: get, create and update on leases in {}); retrying "
                            + "every {}", what, namespace, LEASE, e.getMessage(), namespace, timing.retryPeriod());
                }
                // the elector retries a KubernetesClientException and would stop for good on anything else
                throw e instanceof KubernetesClientException k ? k : new KubernetesClientException(what + " Lease failed: " + e, e);
            }
        }

        @Override
        public String identity() {
            return lease.identity();
        }

        @Override
        public String describe() {
            return lease.describe();
        }
    }

    @Override
    public String toString() {
        return "LeaseElection[" + namespace + "/" + LEASE + " as " + identity + ", holder " + holder + "]";
    }
}
