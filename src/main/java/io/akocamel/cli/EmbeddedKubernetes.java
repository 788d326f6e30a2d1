package io.akocamel.cli;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import io.akocamel.kubeapi.KubeApiDispatcher;
import io.akocamel.kubeapi.KubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded Kubernetes API of the demo and of {@code run --embedded-kubernetes}: fabric8's mock server in CRUD mode
 * is the store, and {@link KubeApiServer} on 127.0.0.1:port answers as a cluster does for kubectl (discovery, Tables,
 * field selectors, {@code get -w}). {@link #client()} talks to the store's own server on a private port.
 */
public final class EmbeddedKubernetes implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    /** The mock server logs every request at INFO through java.util.logging. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final KubernetesMockServer store;
    private final KubeApiServer front;
    private final KubernetesClient client;

    private EmbeddedKubernetes(KubernetesMockServer store, KubeApiServer front) {
        this.store = store;
        this.front = front;
        this.client = store.createClient();
    }

    /** Starts on 127.0.0.1:port (0 = any free port). */
    public static EmbeddedKubernetes start(int port) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        AtomicInteger publicPort = new AtomicInteger(port);
        var dispatcher = new KubeApiDispatcher(new IndexedCrudDispatcher(), () -> HOST + ":" + publicPort.get());
        var store = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses, dispatcher, false);
        try {
            store.init(InetAddress.getByName(HOST), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kubernetes store on " + HOST, e);
        }
        try {
            KubeApiServer front = KubeApiServer.start(HOST, port, dispatcher);
            publicPort.set(front.port());
            return new EmbeddedKubernetes(store, front);
        } catch (RuntimeException e) {
            store.destroy();
            throw new IllegalStateException("cannot start the embedded Kubernetes API on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public KubernetesClient client() {
        return client;
    }

    public int port() {
        return front.port();
    }

    public String url() {
        return "http://" + HOST + ":" + port();
    }

    @Override
    public void close() {
        client.close();
        front.close();
        store.destroy();
    }
}
