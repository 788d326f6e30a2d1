package io.akocamel.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.avi.AviExchange;
import io.akocamel.avi.AviStep;
import io.akocamel.crd.AviReference;
import io.akocamel.crd.AviReferences;
import io.akocamel.crd.HostSettings;
import io.akocamel.crd.PoolSettings;
import io.akocamel.crd.InfraSetting;
import io.akocamel.crd.Verdict;
import io.akocamel.crd.Verdicts;
import io.akocamel.kube.ClusterState;
import io.akocamel.kube.EventSink;
import io.akocamel.kube.KubeKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validates HostRules, HTTPRules and AviInfraSettings as AKO does and shows the result in their status: each Avi object
 * a resource names is looked up on the controller (a read-only GET by name through the delivery session, remembered
 * until the next full sync), and an older resource wins a host. A Rejected resource gets a Warning Event
 * {@code Rejected} naming the missing object or the conflict; an Accepted one a Warning {@code Unsupported} naming the
 * fields ako-camel does not apply yet. Events (which the recorder also logs) are recorded once per verdict and generation
 * of the resource.
 * Route {@code custom-resource-admission} (routes/reconcile.camel.yaml) drives it: {@link #begin}, then
 * {@code direct:avi-step} and {@link #accept} while a step is set, then {@link #finish}.
 */
public class CustomResourceAdmission {
    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceAdmission.class);
    private static final String RUN = "AkoCustomResourceRun";
    /** The settings ako-camel applies to Avi objects; every other one is reported {@code Unsupported}. */
    static final Set<String> APPLIED = Stream.of(HostSettings.APPLIED, PoolSettings.APPLIED, InfraSetting.APPLIED).flatMap(List::stream)
            .collect(Collectors.toUnmodifiableSet());

    private final ClusterState cluster;
    private final CustomResourceStatusWriter writer;
    private final EventSink events;
    /** Whether the controller holds each referenced object, until the next full sync. */
    private final Map<AviReference, Boolean> found = new ConcurrentHashMap<>();
    /** Per resource, the verdict its Events were recorded for (with its generation). */
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    private static final class Run {
        final List<GenericKubernetesResource> resources = new ArrayList<>();
        final Deque<AviReference> toLookUp = new ArrayDeque<>();
        final Set<AviReference> unknown = new LinkedHashSet<>();
        AviReference current;
    }

    public CustomResourceAdmission(ClusterState cluster, CustomResourceStatusWriter writer, EventSink events) {
        this.cluster = cluster;
        this.writer = writer;
        this.events = events;
    }

    /** At each full sync: look every referenced object up again (one created or deleted on the controller is seen). */
    public void forget() {
        found.clear();
    }

    /** First step: the resources and the references not yet looked up. */
    public void begin(Exchange exchange) {
        Run run = new Run();
        run.resources.addAll(cluster.hostRules());
        run.resources.addAll(cluster.httpRules());
        run.resources.addAll(cluster.aviInfraSettings());
        Set<AviReference> needed = new LinkedHashSet<>();
        run.resources.forEach(r -> needed.addAll(AviReferences.of(r)));
        needed.stream().filter(ref -> !found.containsKey(ref)).forEach(run.toLookUp::add);
        exchange.setProperty(RUN, run);
        nextStep(exchange, run);
    }

    /** After each {@code direct:avi-step}: whether the object was found; a failed read leaves it unknown. */
    public void accept(Exchange exchange) {
        Run run = exchange.getProperty(RUN, Run.class);
        String error = exchange.getProperty(AviExchange.READ_ERROR, String.class);
        if (error != null) {
            run.unknown.add(run.current);
            LOG.debug("Looking up {} failed: {}", run.current, error);
        } else {
            JsonNode body = exchange.getMessage().getBody(JsonNode.class);
            found.put(run.current, body != null && body.path("count").asInt(body.path("results").size()) > 0);
        }
        nextStep(exchange, run);
    }

    private static void nextStep(Exchange exchange, Run run) {
        exchange.removeProperty(AviExchange.READ_ERROR);
        run.current = run.toLookUp.pollFirst();
        if (run.current == null) {
            exchange.removeProperty(AviExchange.STEP);
        } else {
            exchange.setProperty(AviExchange.STEP, AviStep.read("/api/" + run.current.type() + "?name="
                    + URLEncoder.encode(run.current.name(), StandardCharsets.UTF_8) + "&fields=name"));
        }
    }

    /** Last step: the verdicts, written to the status of each resource whose references were all answered. */
    public void finish(Exchange exchange) {
        Run run = exchange.getProperty(RUN, Run.class);
        exchange.removeProperty(RUN);
        if (!writer.mayWrite()) {
            return; // a follower: the leader shows the verdicts, and this replica does once it leads
        }
        Map<String, Verdict> verdicts = Verdicts.decide(run.resources, ref -> found.getOrDefault(ref, true), APPLIED,
                new ClusterStateFacts(cluster));
        for (GenericKubernetesResource resource : run.resources) {
            if (AviReferences.of(resource).stream().anyMatch(run.unknown::contains)) {
                continue; // the controller did not answer: keep what the resource shows
            }
            String key = Verdicts.keyOf(resource);
            Verdict verdict = verdicts.get(key);
            writer.write(KubeKind.fromKindName(resource.getKind()), resource, verdict);
            report(key, resource, verdict);
        }
        reported.keySet().retainAll(verdicts.keySet());
    }

    private void report(String key, GenericKubernetesResource resource, Verdict verdict) {
        String fingerprint = resource.getMetadata().getGeneration() + " " + verdict;
        if (fingerprint.equals(reported.put(key, fingerprint))) {
            return;
        }
        if (!verdict.accepted()) {
            events.warning(resource, "Rejected", verdict.error());
        } else if (!verdict.notApplied().isEmpty()) {
            String message = "ako-camel does not apply " + String.join(", ", verdict.notApplied()) + " yet: the Avi objects are made "
                    + "as if these fields were not set (docs/crds.md lists what is applied)";
            events.warning(resource, "Unsupported", message);
        }
    }
}
