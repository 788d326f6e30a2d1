package io.akocamel.kube;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records core/v1 Events on Kubernetes objects, as {@code kubectl describe} shows them. A repeat of the same type,
 * reason and message on the same object bumps the existing Event's count instead of creating another one. Events are
 * written on one background thread so that callers (informer threads, routes) never wait for the API server.
 * Every Warning is also logged. {@code AKOSettings.enableEvents: false} suppresses Normal Events, as in AKO.
 */
public class EventRecorder implements EventSink, AutoCloseable {
    /** The Event source AKO uses, kept so that existing dashboards and {@code kubectl get events} filters still work. */
    public static final String COMPONENT = "avi-kubernetes-operator";
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final int MAX_MESSAGE = 1024;
    private static final int REMEMBERED = 4096;

    private final KubernetesClient client;
    private final Leadership leadership;
    private volatile boolean normalEvents;
    private final String instance;
    private final ExecutorService writer;
    private final AtomicLong sequence = new AtomicLong();
    /** Recent Events by what they say about which object; only touched by the writer thread. */
    private final Map<String, Recorded> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Recorded(String namespace, String name, int count) {
    }

    /** @param leadership only the leader records Events; a follower logs its Warnings and writes nothing */
    public EventRecorder(KubernetesClient client, Settings settings, Leadership leadership) {
        this.client = client;
        this.leadership = leadership;
        this.normalEvents = settings.akoSettings().enableEvents();
        this.instance = System.getenv().getOrDefault("POD_NAME", "ako-camel");
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread thread = new Thread(r, "ako-event-recorder");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code AKOSettings.enableEvents}, live: whether Normal Events are recorded (Warnings always are). */
    public void setNormalEvents(boolean enabled) {
        this.normalEvents = enabled;
    }

    /** A Warning on the object: what is wrong and how to fix it. */
    public void warning(HasMetadata object, String reason, String message) {
        LOG.warn("Warning {} {} {}: {}", object.getKind(), KubeIndexes.keyOf(object), reason, message);
        submit(object, "Warning", reason, message);
    }

    public void normal(HasMetadata object, String reason, String message) {
        LOG.debug("Normal {} {} {}: {}", object.getKind(), KubeIndexes.keyOf(object), reason, message);
        if (normalEvents) {
            submit(object, "Normal", reason, message);
        }
    }

    private void submit(HasMetadata object, String type, String reason, String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
        try {
            writer.execute(() -> write(object, type, reason, text));
        } catch (RejectedExecutionException e) {
            LOG.warn("Event {} on {} {} not recorded: the event queue is full or closed", reason, object.getKind(), KubeIndexes.keyOf(object));
        }
    }

    private void write(HasMetadata object, String type, String reason, String message) {
        if (!leadership.isLeader()) {
            return;
        }
        String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
        String identity = object.getKind() + "/" + KubeIndexes.keyOf(object) + "/" + object.getMetadata().getUid();
        String key = identity + "\u0000" + type + "\u0000" + reason + "\u0000" + message;
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            Recorded seen = recent.get(key);
            if (seen != null && bump(seen, now)) {
                recent.put(key, new Recorded(seen.namespace, seen.name, seen.count + 1));
                return;
            }
            String name = object.getMetadata().getName() + "." + Long.toHexString(System.currentTimeMillis() * 1000 + sequence.incrementAndGet() % 1000);
            Event event = new EventBuilder()
                    .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                    .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(object.getApiVersion()).withKind(object.getKind())
                            .withNamespace(object.getMetadata().getNamespace()).withName(object.getMetadata().getName())
                            .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion()).build())
                    .withType(type).withReason(reason).withMessage(message).withCount(1)
                    .withFirstTimestamp(now).withLastTimestamp(now)
                    .withNewSource().withComponent(COMPONENT).endSource()
                    .withReportingComponent(COMPONENT).withReportingInstance(instance)
                    .build();
            client.v1().events().inNamespace(namespace).resource(event).create();
            recent.put(key, new Recorded(namespace, name, 1));
        } catch (KubernetesClientException e) {
            LOG.warn("Could not record Event {} on {} {}: {} (check RBAC: create/patch on events)", reason, object.getKind(),
                    KubeIndexes.keyOf(object), e.getMessage());
        }
    }

    /** Counts a repeat on the existing Event; false when that Event is gone (expired) and a new one is needed. */
    private boolean bump(Recorded seen, String now) {
        try {
            // resource(...).patch sends the patch alone; withName(...).patch reads the Event first
            Event named = new EventBuilder().withNewMetadata().withNamespace(seen.namespace).withName(seen.name).endMetadata().build();
            client.v1().events().inNamespace(seen.namespace).resource(named).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"count\":" + (seen.count + 1) + ",\"lastTimestamp\":\"" + now + "\"}");
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** Waits (up to the timeout) until every Event submitted so far is written; for orderly shutdown and tests. */
    public boolean flush(long timeout, TimeUnit unit) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        try {
            writer.execute(done::countDown);
        } catch (RejectedExecutionException e) {
            return false;
        }
        return done.await(timeout, unit);
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
