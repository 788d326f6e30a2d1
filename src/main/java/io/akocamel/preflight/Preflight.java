package io.akocamel.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.avi.AviExchange;
import io.akocamel.avi.AviSession;
import io.akocamel.avi.AviStep;
import io.akocamel.config.Settings;
import io.akocamel.crd.InfraSetting;
import io.akocamel.kube.PodEvents;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.BooleanSupplier;

/**
 * The controller preflight (bean {@code preflight}, routes/preflight.camel.yaml): checks through the delivery session
 * that the Avi side is set up as this controller's settings say (controller up, version,
 * tenant, cloud with IPAM and DNS profiles, SE group, VIP networks and subnets, VRF), and keeps the outcome.
 * <p>
 * It is the reconciler's write gate: while it has not passed, the reconcile loop writes nothing
 * ({@link #getAsBoolean()} is false). It runs at start, again every {@code recheckMillis} (30 s) while failing, and
 * every {@code AKOSettings.fullSyncFrequency} seconds while passing. Each problem is logged, shown by the readiness
 * check {@code avi-preflight} ({@link PreflightHealthCheck}) and recorded as a Warning Event on the controller's own
 * pod (when it runs in one). When it passes after failing, or after the
 * gate held a write back, the route asks for a full sync ({@code direct:full-sync-now}), so a set-up fixed on the
 * controller is picked up without a restart.
 */
public final class Preflight implements BooleanSupplier {
    public enum State { NOT_RUN, PASSED, FAILED }

    /** Reason of the Warning Event on the controller's pod, one per problem. */
    public static final String FAILED_REASON = "AviPreflightFailed";
    /** Reason of the Normal Event on the controller's pod when the preflight passes after failing. */
    public static final String PASSED_REASON = "AviPreflightPassed";
    /** Reason of the Normal Event on the controller's pod when the preflight passes the first time, as AKO's. */
    public static final String VALIDATED_REASON = "ValidatedUserInput";
    /** Reason of the Warning Event on the controller's pod when the cloud has no DNS profile and none is required. */
    public static final String DNS_NOT_REGISTERED_REASON = "AviDnsNotRegistered";
    /**
     * Header on the reply of {@code direct:avi-preflight}: true when this check passed and the previous one failed or
     * the gate held a write back since: a full sync is needed.
     */
    public static final String FULL_SYNC_NEEDED = "AviPreflightFullSyncNeeded";
    static final String RUN = "AviPreflightRun";
    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private final Settings settings;
    private final AviSession session;
    private final PodEvents podEvents;
    private final Supplier<List<InfraSetting>> infraSettings;
    private volatile long recheckMillis = 30_000;
    private volatile boolean requireDnsProfile;

    private volatile PreflightResult result = PreflightResult.NOT_RUN;
    private volatile DnsDomains dnsDomains = DnsDomains.NONE;
    private volatile long lastFinished;
    private final AtomicBoolean heldBackWrites = new AtomicBoolean();
    private List<String> loggedProblems = List.of();
    private List<String> loggedFacts = List.of();
    private boolean warnedWithoutDns;
    private boolean validated;
    private List<String> loggedInfraSettingProblems = List.of();

    /**
     * @param session the delivery session the reads go through
     * @param podEvents the Events on the controller's own pod
     * @param infraSettings the Accepted AviInfraSettings, whose SE groups and networks are checked too (not blocking)
     */
    public Preflight(Settings settings, AviSession session, PodEvents podEvents, Supplier<List<InfraSetting>> infraSettings) {
        this.settings = settings;
        this.session = session;
        this.podEvents = podEvents;
        this.requireDnsProfile = settings.akoCamel().requireDnsProfile();
        this.infraSettings = infraSettings;
    }

    // ---- what the rest of the controller asks ----

    /** Whether the latest preflight passed (a plain query; the reconcile loop uses {@link #getAsBoolean()}). */
    public boolean passed() {
        return result.passed();
    }

    /**
     * The write gate: true only while the latest preflight passed. A false answer is remembered, so that the next
     * passing check asks for a full sync and the held-back work is done.
     */
    @Override
    public boolean getAsBoolean() {
        if (passed()) {
            return true;
        }
        heldBackWrites.set(true);
        // re-read after remembering: a check that passed in between either saw the flag or lets this write through
        return passed();
    }

    public State state() {
        return result.state();
    }

    /** The latest problems (one message each: setting, what the controller has, the fix); empty when passed. */
    public List<String> problems() {
        return result.problems();
    }

    /** What the latest preflight found missing for the AviInfraSettings (not blocking). */
    public List<String> infraSettingProblems() {
        return result.infraSettingProblems();
    }

    public DiscoveredFacts facts() {
        return result.facts();
    }

    public PreflightResult result() {
        return result;
    }

    /** The DNS sub-domains of the cloud's DNS profile, as last read (none until the cloud was read). */
    public DnsDomains dnsDomains() {
        return dnsDomains;
    }

    /** See {@link DnsDomains#hostInDnsDomains}. */
    public boolean hostInDnsDomains(String host) {
        return dnsDomains.hostInDnsDomains(host);
    }

    /** See {@link DnsDomains#synthesizedHost}. */
    public Optional<String> synthesizedHost(String ingressName, String namespace) {
        return dnsDomains.synthesizedHost(ingressName, namespace);
    }

    /** See {@link DnsDomains#hostOutsideWarning}. */
    public String hostOutsideWarning(String host) {
        return dnsDomains.hostOutsideWarning(host);
    }

    // ---- settings (properties preflight.*, set by the composition root) ----

    /** How long after a failed check the next one runs (default 30 000). */
    public void setRecheckMillis(long recheckMillis) {
        this.recheckMillis = recheckMillis;
    }

    public long getRecheckMillis() {
        return recheckMillis;
    }

    /** Whether a cloud without a DNS profile fails the preflight (default {@code akoCamel.preflight.requireDnsProfile}). */
    public void setRequireDnsProfile(boolean requireDnsProfile) {
        this.requireDnsProfile = requireDnsProfile;
    }

    // ---- route steps ----

    /** Route filter: the first check, then every {@code recheckMillis} while failing, every full-sync period while passing. */
    public boolean due() {
        if (lastFinished == 0) {
            return true;
        }
        long period = result.passed() ? settings.akoSettings().fullSyncFrequency() * 1000L : recheckMillis;
        return System.currentTimeMillis() - lastFinished >= period;
    }

    /** First step: plans the reads and sets the first {@link AviStep}. */
    public void begin(Exchange exchange) {
        PreflightRun run = new PreflightRun(settings, session, requireDnsProfile, infraSettings.get());
        exchange.setProperty(RUN, run);
        nextStep(exchange, run);
    }

    /** Loop step after each {@code direct:avi-step}: takes the answer and sets the next step, or none. */
    public void accept(Exchange exchange) {
        PreflightRun run = exchange.getProperty(RUN, PreflightRun.class);
        String error = exchange.getProperty(AviExchange.READ_ERROR, String.class);
        JsonNode body = error == null ? exchange.getMessage().getBody(JsonNode.class) : null;
        run.accept(new PreflightRun.Reply(body, error));
        nextStep(exchange, run);
    }

    private static void nextStep(Exchange exchange, PreflightRun run) {
        exchange.removeProperty(AviExchange.READ_ERROR);
        String path = run.nextPath();
        if (path == null) {
            exchange.removeProperty(AviExchange.STEP);
        } else {
            exchange.setProperty(AviExchange.STEP, AviStep.read(path));
        }
    }

    /** Last step: keeps and reports the result (the body), with header {@link #FULL_SYNC_NEEDED}. */
    public PreflightResult finish(Exchange exchange) {
        PreflightRun run = exchange.getProperty(RUN, PreflightRun.class);
        exchange.removeProperty(RUN);
        List<String> problems = run.problems();
        PreflightResult previous = result;
        PreflightResult current = new PreflightResult(problems.isEmpty() ? State.PASSED : State.FAILED, problems, run.infraSettingProblems(),
                run.facts(), Instant.now());
        if (run.cloudRead()) {
            dnsDomains = current.facts().dns();
        }
        result = current;
        lastFinished = System.currentTimeMillis();
        boolean heldBack = current.passed() && heldBackWrites.getAndSet(false);
        exchange.getMessage().setHeader(FULL_SYNC_NEEDED, current.passed() && (previous.state() == State.FAILED || heldBack));
        report(previous, current, run.cloudRead());
        return current;
    }

    // ---- reporting ----

    private synchronized void report(PreflightResult previous, PreflightResult current, boolean cloudRead) {
        List<String> facts = current.facts().describe();
        if (cloudRead && !facts.equals(loggedFacts)) {
            loggedFacts = facts;
            LOG.info("Avi Controller set-up discovered:\n  {}", String.join("\n  ", facts));
        }
        if (cloudRead) {
            warnWithoutDns(current.facts());
        }
        if (!current.infraSettingProblems().equals(loggedInfraSettingProblems)) {
            loggedInfraSettingProblems = current.infraSettingProblems();
            current.infraSettingProblems().forEach(problem -> LOG.warn("Avi Controller preflight: {}", problem));
        }
        if (current.passed()) {
            loggedProblems = List.of();
            if (!validated) {
                validated = true;
                podEvents.normal(VALIDATED_REASON, "User input validation completed: the settings were read and the Avi Controller "
                        + "set-up check passed (cloud " + settings.controllerSettings().cloudName() + ")");
            }
            if (!previous.passed()) {
                LOG.info("Avi Controller preflight passed");
                if (previous.state() == State.FAILED) {
                    podEvents.normal(PASSED_REASON, "The Avi Controller set-up is complete again; every shard is reconciled");
                }
            }
            return;
        }
        String period = recheckMillis % 1000 == 0 ? recheckMillis / 1000 + " s" : recheckMillis + " ms";
        if (!current.problems().equals(loggedProblems)) {
            loggedProblems = current.problems();
            current.problems().forEach(problem -> LOG.error("Avi Controller preflight: {}", problem));
            LOG.error("Nothing is written to the Avi Controller until the set-up is fixed; checking again every {}", period);
        } else {
            LOG.info("Avi Controller preflight still failing ({} problem(s), logged above); checking again in {}",
                    current.problems().size(), period);
        }
        current.problems().forEach(problem -> podEvents.warning(FAILED_REASON, problem));
    }

    /** Once per loss of the DNS profile, when it is not required: hosts are served, but nothing registers them. */
    private void warnWithoutDns(DiscoveredFacts facts) {
        boolean without = !requireDnsProfile && facts.dns().profileName().isEmpty();
        if (without && !warnedWithoutDns) {
            String message = PreflightMessages.dnsNotRegistered(settings.controllerSettings().cloudName());
            LOG.warn("Avi Controller preflight: {}", message);
            podEvents.warning(DNS_NOT_REGISTERED_REASON, message);
        }
        warnedWithoutDns = without;
    }
}
