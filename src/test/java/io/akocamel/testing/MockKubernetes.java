package io.akocamel.testing;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's Kubernetes mock API server in CRUD mode on 127.0.0.1, and a client of it that fails fast on errors and
 * re-opens watches quickly: the controller's own retries are under test, not the client's.
 */
public final class MockKubernetes implements AutoCloseable {
    /** The mock server logs every request at INFO through java.util.logging; keep the test output readable. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private MockKubernetes(KubernetesCrudDispatcher dispatcher) {
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(), dispatcher, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = server.createClient(builder -> builder.editOrNewConfig().withRequestRetryBackoffLimit(0)
                .withWatchReconnectInterval(200).endConfig());
    }

    public static MockKubernetes start() {
        return start(new IndexedCrudDispatcher());
    }

    /** With a dispatcher of the test's own, e.g. one that injects failures. */
    public static MockKubernetes start(KubernetesCrudDispatcher dispatcher) {
        return new MockKubernetes(dispatcher);
    }

    public KubernetesClient client() {
        return client;
    }

    /** Another client of the same API, sending {@code userAgent} (one per controller replica); the caller closes it. */
    public KubernetesClient client(String userAgent) {
        return server.createClient(builder -> builder.editOrNewConfig().withRequestRetryBackoffLimit(0)
                .withWatchReconnectInterval(200).withUserAgent(userAgent).endConfig());
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
