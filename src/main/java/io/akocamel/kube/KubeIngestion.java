package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.admission.Problem;
import io.akocamel.admission.TlsSecretUsability;
import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.crd.AkoResources;
import io.akocamel.crd.FqdnSelector;
import io.akocamel.crd.HostSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassParametersReference;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns watch events into the shard keys to reconcile. The informer store already holds the new state when an event
 * arrives, so every decision is made from the current state (level-triggered); the event only says where to look.
 * For each object the facts that matter to the load balancer are remembered, so an update that changes nothing of
 * them (our own Ingress status write, a Node heartbeat, a Pod condition timestamp) yields no key.
 */
public final class KubeIngestion {
    /** Annotations AKO itself writes on Ingresses: changing them is not a change of the Ingress. */
    private static final Set<String> OWN_INGRESS_ANNOTATIONS = Set.of("ako.vmware.com/host-fqdn-vs-uuid-map",
            "ako.vmware.com/controller-cluster-uuid", "ako.vmware.com/tenant-name");
    private static final Set<String> NODE_ANNOTATIONS = Set.of("ako.vmware.com/pod-cidrs", "projectcalico.org/IPv4Address",
            "node.antrea.io/transport-addresses", "k8s.ovn.org/node-subnets");
    private static final Set<String> NAMESPACE_ANNOTATIONS = Set.of("ako.vmware.com/tenant-name", AkoResources.NAMESPACE_INFRA_SETTING);
    private static final String NPL_ANNOTATION = "nodeportlocal.antrea.io";

    private final ClusterState state;
    private final EventRecorder recorder;
    private final Settings settings;
    private final Map<String, IngressFacts> ingressFacts = new ConcurrentHashMap<>();
    private final Map<String, Object> facts = new ConcurrentHashMap<>();

    private record IngressFacts(IngressContent content, boolean ours, Set<String> shards) {
    }

    private record IngressContent(IngressSpec spec, Map<String, String> annotations) {
    }

    private record ClassFacts(String controller, IngressClassParametersReference parameters, boolean ourDefault) {
    }

    private record NamespaceFacts(Map<String, String> labels, Map<String, String> annotations) {
    }

    private record ServiceFacts(ServiceSpec spec, Map<String, String> annotations) {
    }

    private record SliceFacts(String service, String addressType, List<Endpoint> endpoints, List<EndpointPort> ports) {
    }

    private record SecretFacts(Map<String, String> data, Map<String, String> stringData) {
    }

    private record NodeFacts(List<NodeAddress> addresses, Map<String, String> labels, String podCIDR, List<String> podCIDRs,
                             Map<String, String> annotations) {
    }

    /** {@code accepted}: the model applies a HostRule once its status shows Accepted, so that change reconciles too. */
    private record CustomFacts(FqdnSelector selector, Map<String, Object> spec, boolean accepted) {
    }

    /** {@code status}: an Ingress moves when its setting's verdict changes ({@code Accepted}, {@code Rejected}, unknown). */
    private record SettingFacts(Map<String, Object> spec, String status) {
    }

    private record PodFacts(Map<String, String> labels, String nodePortLocal, boolean ready) {
    }

    /** What one event yields: shard keys ({@code *} = every shard), Ingresses no longer ours, Warnings to record. */
    private static final class Outcome {
        final Set<String> keys = new LinkedHashSet<>();
        final List<String> released = new ArrayList<>(0);
        final List<Runnable> warnings = new ArrayList<>(0);
        boolean readmit;
    }

    public KubeIngestion(ClusterState state, EventRecorder recorder) {
        this.state = state;
        this.recorder = recorder;
        this.settings = state.settings();
    }

    /** Route step: the consumer's exchange (typed object + headers) → a {@link KubeEvent} body, its id and cause. */
    public void normalise(Exchange exchange) {
        Message message = exchange.getMessage();
        KubeEvent event = KubeEvent.of(KubeKind.fromKindName(message.getHeader(KubeHeaders.KIND, String.class)),
                KubeAction.valueOf(message.getHeader(KubeHeaders.ACTION, String.class)), message.getBody(HasMetadata.class));
        message.setHeader(KubeHeaders.EVENT_ID, event.id());
        message.setHeader(KubeHeaders.CAUSE, event.cause());
        message.setBody(event);
    }

    /**
     * Route step: the shard keys an event affects (the body becomes that list, possibly empty). Records Warning
     * Events for bad input; Ingresses that stopped being ours are listed in {@link KubeHeaders#RELEASED_INGRESSES}.
     */
    public List<String> apply(KubeEvent event, Exchange exchange) {
        Outcome outcome = new Outcome();
        switch (event.kind()) {
            case INGRESS -> onIngress(event, outcome);
            case INGRESS_CLASS -> onIngressClass(event, outcome);
            case NAMESPACE -> onNamespace(event, outcome);
            case SERVICE -> onService(event, outcome);
            case ENDPOINT_SLICE -> onEndpointSlice(event, outcome);
            case SECRET -> onSecret(event, outcome);
            case NODE -> onNode(event, outcome);
            case POD -> onPod(event, outcome);
            case HOST_RULE -> onFqdnRule(event, FqdnSelector::ofHostRule, outcome);
            case HTTP_RULE -> onFqdnRule(event, FqdnSelector::ofHttpRule, outcome);
            case AVI_INFRA_SETTING -> onAviInfraSetting(event, outcome);
            case CONFIG_MAP -> {
            }
        }
        outcome.warnings.forEach(Runnable::run);
        if (!outcome.released.isEmpty()) {
            exchange.getMessage().setHeader(KubeHeaders.RELEASED_INGRESSES, List.copyOf(outcome.released));
        }
        if (outcome.readmit) {
            exchange.getMessage().setHeader(KubeHeaders.READMIT, true);
        }
        if (outcome.keys.remove(AdmissionCache.EVERY_SHARD)) {
            outcome.keys.addAll(state.everyShard());
        }
        return List.copyOf(outcome.keys);
    }

    // ---------------------------------------------------------------- Ingress

    private void onIngress(KubeEvent event, Outcome outcome) {
        if (event.action() == KubeAction.DELETED) {
            state.forgetValidation(event.key());
        }
        reevaluate(List.of(event.key()), false, true, outcome);
    }

    /**
     * Recomputes whether each Ingress is ours and where it lands. Keys are emitted for an Ingress whose content,
     * eligibility or shards changed (or always, when {@code force}): its old shards and its new ones, so that a host
     * that moved or left is cleaned from its old shard.
     */
    private void reevaluate(Collection<String> ingressKeys, boolean force, boolean warn, Outcome outcome) {
        if (ingressKeys.isEmpty()) {
            return;
        }
        Function<Ingress, IngressEligibility.Verdict> decide = state.decider();
        for (String key : ingressKeys) {
            Ingress current = state.get(KubeKind.INGRESS, key);
            ingressFacts.compute(key, (k, previous) -> {
                IngressFacts next = current == null ? null : factsOf(current, decide.apply(current).isOurs());
                boolean wasOurs = previous != null && previous.ours;
                boolean isOurs = next != null && next.ours;
                if (force ? (wasOurs || isOurs) : !Objects.equals(previous, next)) {
                    if (wasOurs) {
                        outcome.keys.addAll(previous.shards);
                    }
                    if (isOurs) {
                        outcome.keys.addAll(next.shards);
                    }
                }
                if (wasOurs && next != null && !isOurs) {
                    outcome.released.add(key);
                }
                if (warn && isOurs && (previous == null || !previous.content.equals(next.content))) {
                    warnAbout(current, outcome);
                }
                return next;
            });
        }
    }

    private IngressFacts factsOf(Ingress ingress, boolean ours) {
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        if (annotations != null && OWN_INGRESS_ANNOTATIONS.stream().anyMatch(annotations::containsKey)) {
            annotations = new HashMap<>(annotations);
            annotations.keySet().removeAll(OWN_INGRESS_ANNOTATIONS);
        }
        return new IngressFacts(new IngressContent(ingress.getSpec(), annotations), ours, ours ? state.shardsOf(ingress) : Set.of());
    }

    /**
     * Warnings for the Ingress's own bad rules. Unusable Services and Secrets it points at are the model's warnings
     * (it resolves them), so they are not repeated here.
     */
    private void warnAbout(Ingress ingress, Outcome outcome) {
        for (Problem problem : state.validated(ingress).problems()) {
            outcome.warnings.add(() -> recorder.warning(ingress, problem.reason(), problem.message()));
        }
    }

    /** The shards of the Ingresses (as last evaluated) that are ours. */
    private void addShardsOfIngresses(Collection<String> ingressKeys, Outcome outcome) {
        for (String key : ingressKeys) {
            IngressFacts f = ingressFacts.get(key);
            if (f != null && f.ours) {
                outcome.keys.addAll(f.shards);
            }
        }
    }

    // ---------------------------------------------------------------- what decides eligibility

    private void onIngressClass(KubeEvent event, Outcome outcome) {
        IngressClass current = state.get(KubeKind.INGRESS_CLASS, event.key());
        ClassFacts next = current == null ? null : new ClassFacts(current.getSpec() == null ? null : current.getSpec().getController(),
                current.getSpec() == null ? null : current.getSpec().getParameters(), IngressEligibility.isOurDefault(current));
        ClassFacts previous = remember(event, next);
        if (Objects.equals(previous, next)) {
            return;
        }
        if (previous == null || next == null || !Objects.equals(previous.controller, next.controller)
                || !Objects.equals(previous.parameters, next.parameters)) {
            reevaluate(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_CLASS, event.name()), true, false, outcome);
        }
        boolean wasDefault = previous != null && previous.ourDefault;
        boolean isDefault = next != null && next.ourDefault;
        if (wasDefault != isDefault) {
            reevaluate(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_CLASS, ""), false, false, outcome);
        }
    }

    private void onNamespace(KubeEvent event, Outcome outcome) {
        Namespace current = state.get(KubeKind.NAMESPACE, event.key());
        NamespaceFacts next = current == null ? null
                : new NamespaceFacts(current.getMetadata().getLabels(), subset(current.getMetadata().getAnnotations(), NAMESPACE_ANNOTATIONS));
        NamespaceFacts previous = remember(event, next);
        if (Objects.equals(previous, next)) {
            return;
        }
        boolean annotationsChanged = previous != null && next != null && !Objects.equals(previous.annotations, next.annotations);
        reevaluate(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.BY_NAMESPACE, event.name()), annotationsChanged, false, outcome);
    }

    // ---------------------------------------------------------------- what Ingresses point at

    private void onService(KubeEvent event, Outcome outcome) {
        Service current = state.get(KubeKind.SERVICE, event.key());
        ServiceFacts next = current == null ? null : new ServiceFacts(current.getSpec(), current.getMetadata().getAnnotations());
        if (Objects.equals(remember(event, next), next)) {
            return;
        }
        addShardsOfIngresses(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_SERVICE, event.key()), outcome);
    }

    private void onEndpointSlice(KubeEvent event, Outcome outcome) {
        EndpointSlice current = state.get(KubeKind.ENDPOINT_SLICE, event.key());
        SliceFacts next = current == null ? null : new SliceFacts(KubeIndexes.serviceOfSlice(current).orElse(null),
                current.getAddressType(), current.getEndpoints(), current.getPorts());
        SliceFacts previous = remember(event, next);
        if (Objects.equals(previous, next)) {
            return;
        }
        Set<String> services = new LinkedHashSet<>(2);
        if (previous != null && previous.service != null) {
            services.add(previous.service);
        }
        if (next != null && next.service != null) {
            services.add(next.service);
        }
        for (String service : services) {
            addShardsOfIngresses(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_SERVICE, service), outcome);
        }
    }

    private void onSecret(KubeEvent event, Outcome outcome) {
        Secret current = state.get(KubeKind.SECRET, event.key());
        boolean tls = current != null && TlsSecretUsability.TLS_TYPE.equals(current.getType());
        SecretFacts next = tls ? new SecretFacts(current.getData(), current.getStringData()) : null;
        if (Objects.equals(remember(event, next), next)) {
            return;
        }
        addShardsOfIngresses(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_SECRET, event.key()), outcome);
        Set<FqdnSelector> namedBy = new LinkedHashSet<>();
        for (GenericKubernetesResource rule : state.<GenericKubernetesResource>byIndex(KubeKind.HOST_RULE, KubeIndexes.BY_NAMESPACE, event.namespace())) {
            HostSettings settings = HostSettings.of(rule);
            if (event.name().equals(settings.certificateSecret()) || event.name().equals(settings.alternateCertificateSecret())) {
                namedBy.add(FqdnSelector.ofHostRule(rule));
            }
        }
        if (!namedBy.isEmpty()) {
            // the rule is Rejected or Accepted again, and its hosts take the new certificate
            outcome.readmit = true;
            outcome.keys.addAll(state.shardsSelectedBy(namedBy));
        }
    }

    /** NodePort: every shard (pool servers are node addresses); ClusterIP: the static routes; NodePortLocal: nothing. */
    private void onNode(KubeEvent event, Outcome outcome) {
        ServiceType mode = settings.l7Settings().serviceType();
        if (mode == ServiceType.NodePortLocal || (mode == ServiceType.ClusterIP && !state.staticRoutesEnabled())) {
            return;
        }
        Node current = state.get(KubeKind.NODE, event.key());
        NodeFacts next = current == null ? null : new NodeFacts(current.getStatus() == null ? null : current.getStatus().getAddresses(),
                current.getMetadata().getLabels(), current.getSpec() == null ? null : current.getSpec().getPodCIDR(),
                current.getSpec() == null ? null : current.getSpec().getPodCIDRs(),
                subset(current.getMetadata().getAnnotations(), NODE_ANNOTATIONS));
        NodeFacts previous = remember(event, next);
        if (Objects.equals(previous, next)) {
            return;
        }
        if (mode == ServiceType.ClusterIP) {
            outcome.keys.add(ClusterState.STATIC_ROUTES_KEY);
            return;
        }
        Settings.NodePortSelector selector = settings.nodePortSelector();
        Map<String, String> wanted = selector.isSet() ? Map.of(selector.key(), selector.value()) : Map.of();
        boolean selected = !selector.isSet() || (previous != null && KubeIndexes.matches(wanted, previous.labels))
                || (next != null && KubeIndexes.matches(wanted, next.labels));
        if (selected) {
            outcome.keys.add(AdmissionCache.EVERY_SHARD);
        }
    }

    /** NodePortLocal: the Ingresses of the Services that select the Pod (before or after the change). */
    private void onPod(KubeEvent event, Outcome outcome) {
        Pod current = state.get(KubeKind.POD, event.key());
        PodFacts next = current == null ? null : new PodFacts(current.getMetadata().getLabels(),
                annotation(current, NPL_ANNOTATION), isReady(current));
        PodFacts previous = remember(event, next);
        if (Objects.equals(previous, next)) {
            return;
        }
        for (Service service : state.<Service>byIndex(KubeKind.SERVICE, KubeIndexes.BY_NAMESPACE, event.namespace())) {
            Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
            if ((previous != null && KubeIndexes.matches(selector, previous.labels)) || (next != null && KubeIndexes.matches(selector, next.labels))) {
                addShardsOfIngresses(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_SERVICE, KubeIndexes.keyOf(service)), outcome);
            }
        }
    }

    // ---------------------------------------------------------------- AKO's custom resources

    /** A HostRule or HTTPRule: the shards of the hosts it selected before and selects now; status updates that keep the verdict yield none. */
    private void onFqdnRule(KubeEvent event, Function<GenericKubernetesResource, FqdnSelector> selectorOf, Outcome outcome) {
        GenericKubernetesResource current = state.get(event.kind(), event.key());
        CustomFacts next = current == null ? null : new CustomFacts(selectorOf.apply(current), AkoResources.spec(current),
                ClusterState.isAccepted(current));
        CustomFacts previous = remember(event, next);
        if (Objects.equals(previous, next)) {
            return;
        }
        Set<FqdnSelector> selectors = new LinkedHashSet<>(2);
        if (previous != null) {
            selectors.add(previous.selector);
        }
        if (next != null) {
            selectors.add(next.selector);
        }
        outcome.keys.addAll(state.shardsSelectedBy(selectors));
    }

    /** The shards of the Ingresses whose IngressClass names the setting, or whose Namespace is annotated with it. */
    private void onAviInfraSetting(KubeEvent event, Outcome outcome) {
        GenericKubernetesResource current = state.get(KubeKind.AVI_INFRA_SETTING, event.key());
        SettingFacts next = current == null ? null : new SettingFacts(AkoResources.spec(current), AkoResources.status(current));
        if (Objects.equals(remember(event, next), next)) {
            return;
        }
        // re-evaluated, not only reconciled: where the Ingresses land may change, and their old shards must hear of it too
        Set<String> ingresses = new LinkedHashSet<>();
        for (IngressClass ingressClass : state.<IngressClass>list(KubeKind.INGRESS_CLASS)) {
            IngressClassParametersReference parameters = ingressClass.getSpec() == null ? null : ingressClass.getSpec().getParameters();
            if (parameters != null && AkoResources.GROUP.equals(parameters.getApiGroup()) && "AviInfraSetting".equals(parameters.getKind())
                    && event.name().equals(parameters.getName())) {
                ingresses.addAll(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_CLASS, ingressClass.getMetadata().getName()));
                if (IngressEligibility.isOurDefault(ingressClass)) {
                    ingresses.addAll(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_CLASS, ""));
                }
            }
        }
        for (Namespace namespace : state.<Namespace>list(KubeKind.NAMESPACE)) {
            if (event.name().equals(annotation(namespace, AkoResources.NAMESPACE_INFRA_SETTING))) {
                ingresses.addAll(state.keysByIndex(KubeKind.INGRESS, KubeIndexes.BY_NAMESPACE, namespace.getMetadata().getName()));
            }
        }
        reevaluate(ingresses, true, false, outcome);
    }

    // ---------------------------------------------------------------- helpers

    /** Stores the facts of an object (removing them when it is gone) and returns what was stored before. */
    @SuppressWarnings("unchecked")
    private <F> F remember(KubeEvent event, F next) {
        String key = event.kind().kindName() + "/" + event.key();
        return (F) (next == null ? facts.remove(key) : facts.put(key, next));
    }

    private static Map<String, String> subset(Map<String, String> map, Set<String> keys) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> subset = new HashMap<>();
        for (String key : keys) {
            String value = map.get(key);
            if (value != null) {
                subset.put(key, value);
            }
        }
        return subset;
    }

    private static String annotation(HasMetadata object, String key) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static boolean isReady(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition condition : pod.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }
}
