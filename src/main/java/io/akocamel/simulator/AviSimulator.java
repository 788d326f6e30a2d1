package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An in-process Avi Controller: the parts of the Avi REST API that an ingress controller uses, stateful and faithful
 * to recorded controller behaviour ({@code docs/simulator.md}), with a vCenter cloud seeded (see {@link Seed}),
 * fault injection ({@link Faults}) and a request log. It serves HTTP (or HTTPS with a self-signed certificate made at
 * start) on 127.0.0.1 with Vert.x, the HTTP server that comes with Camel's platform-http.
 *
 * <pre>{@code
 * try (AviSimulator avi = AviSimulator.builder().port(0).build().start()) {
 *     String url = avi.baseUrl();                       // http://127.0.0.1:<port>
 *     ... POST url + "/login" {"username": "admin", "password": "avi123"}, then /api/... with the cookies ...
 *     avi.find("pool", "my-pool"); avi.requestLog(); avi.faults().outage(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * Choices where the controller's behaviour is unknown (docs/simulator.md#choices): default page size 25; a page past the end
 * is an empty page; 403 for deleting a referenced or a system-default object; tenant visibility as in
 * {@link TenantScope}; names of cloud-scoped objects resolve in the referring object's cloud; {@code X-Avi-Version}
 * checked on authenticated calls only; DNS records only for fqdns inside the cloud's DNS profile domains; the
 * error-rate fault is deterministic. Not simulated: {@code /api/macro}, runtime and inventory sub-resources, basic
 * authentication, RBAC roles. Thread-safe: every operation is atomic under one read-write lock.
 */
public final class AviSimulator implements AutoCloseable {
    public static final String DEFAULT_USERNAME = "admin";
    public static final String DEFAULT_PASSWORD = "avi123";
    public static final String DEFAULT_VERSION = "22.1.2";
    private static final Logger LOG = LoggerFactory.getLogger(AviSimulator.class);
    private static final char[] KEYSTORE_PASSWORD = "simulator".toCharArray();

    private final int requestedPort;
    private final boolean https;
    private final Clock clock;
    private final ControllerInfo info;
    private final Faults faults;
    private final Sessions sessions;
    private final ObjectApi api;
    private final RequestLog requestLog = new RequestLog();
    private final SelfSignedCertificate certificate;
    private Vertx vertx;
    private HttpServer server;
    private volatile int port = -1;

    private AviSimulator(Builder builder) {
        this.requestedPort = builder.port;
        this.https = builder.https;
        this.clock = builder.clock;
        this.info = new ControllerInfo(builder.controllerVersion, clock.instant(), "127.0.0.1");
        this.faults = new Faults(clock);
        this.sessions = new Sessions(builder.username, builder.password, builder.authToken, builder.idleTimeout,
                clock, faults);
        this.api = new ObjectApi(new ObjectStore(), clock);
        api.seed(builder.seed.objects());
        this.certificate = https ? new SelfSignedCertificate(clock.instant()) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 on the port (0 = any free port) and serves until {@link #close()}. */
    public synchronized AviSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started on " + baseUrl());
        }
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(requestedPort)
                .setHttp2ClearTextEnabled(false);
        if (https) {
            options.setSsl(true).setKeyCertOptions(new PfxOptions()
                    .setValue(Buffer.buffer(certificate.pkcs12(KEYSTORE_PASSWORD)))
                    .setPassword(new String(KEYSTORE_PASSWORD)));
        }
        HttpFront front = new HttpFront(vertx, https, new LoginEndpoint(sessions, api, info),
                new ApiEndpoint(api, sessions, faults, info),
                new AdminEndpoint(faults, sessions, requestLog, this::dnsRecords), faults, requestLog, clock);
        try {
            server = await(vertx.createHttpServer(options).requestHandler(front::handle).listen()
                    .toCompletionStage().toCompletableFuture());
        } catch (RuntimeException e) {
            vertx.close();
            vertx = null;
            throw e;
        }
        port = server.actualPort();
        front.listeningOn(port);
        LOG.info("Avi Controller simulator {} listening on {}", info.version(), baseUrl());
        return this;
    }

    /** {@code http://127.0.0.1:<port>} or {@code https://...}; what a controller's {@code controllerHost} is set to. */
    public String baseUrl() {
        if (port < 0) {
            throw new IllegalStateException("the simulator is not started");
        }
        return (https ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean https() {
        return https;
    }

    public String username() {
        return sessions.username();
    }

    public String controllerVersion() {
        return info.version();
    }

    /** The PEM of the self-signed certificate in HTTPS mode, for the client's trust (e.g. {@code AVI_CA_DATA}). */
    public Optional<String> certificatePem() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::pem);
    }

    public Faults faults() {
        return faults;
    }

    /** The calls answered so far, oldest first (admin paths excluded). */
    public List<RecordedRequest> requestLog() {
        return requestLog.snapshot();
    }

    /**
     * Tells {@code listener} of every call from now on, as it is recorded, on the server's thread (keep it quick);
     * unlike {@link #requestLog()} it sees all calls, not only the last 100,000.
     */
    public void onRequest(Consumer<RecordedRequest> listener) {
        requestLog.listen(listener);
    }

    public void removeRequestListener(Consumer<RecordedRequest> listener) {
        requestLog.stopListening(listener);
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    /** Ends every session now; the next API call of each client gets 401. */
    public void expireSessions() {
        sessions.expireAll();
    }

    /** The records Avi DNS serves now (also {@code GET /simulator/dns}). */
    public List<DnsRecord> dnsRecords() {
        return api.dnsRecords();
    }

    /** Every object of the type, all tenants, in creation order, as GET with {@code include_name} renders it. */
    public List<ObjectNode> objects(String type) {
        return api.listAll(javaCall(), type, new CollectionQuery(Map.of("include_name", List.of("true"))));
    }

    /** The first object of that type and name in any tenant or cloud. */
    public Optional<ObjectNode> find(String type, String name) {
        return api.listAll(javaCall(), type, new CollectionQuery(Map.of("include_name", List.of("true"),
                "name", List.of(name)))).stream().findFirst();
    }

    /** The object of that type and name in one cloud (names such as the VRF {@code global} exist once per cloud). */
    public Optional<ObjectNode> find(String type, String name, String cloudName) {
        return api.listAll(javaCall(), type, new CollectionQuery(Map.of("include_name", List.of("true"),
                "name", List.of(name), "cloud_ref.name", List.of(cloudName)))).stream().findFirst();
    }

    /** {@link #update(String, String, Consumer)} of the object in one cloud. */
    public ObjectNode update(String type, String name, String cloudName, Consumer<ObjectNode> change) {
        ObjectNode current = find(type, name, cloudName).orElseThrow(() -> ApiException.notFound(ModelType.require(type)));
        change.accept(current);
        return api.replace(javaCall(), type, current.path("uuid").asText(), current);
    }

    /** Creates an object as a client in the admin tenant would (same checks; throws {@link ApiException}). */
    public ObjectNode create(String type, JsonNode body) {
        return api.create(javaCall(), type, body, null);
    }

    public ObjectNode create(String type, String json) {
        return create(type, Json.parse(json));
    }

    /** GET, change, PUT, like a person editing in the UI (same checks; throws {@link ApiException}). */
    public ObjectNode update(String type, String name, Consumer<ObjectNode> change) {
        ObjectNode current = find(type, name).orElseThrow(() -> ApiException.notFound(ModelType.require(type)));
        change.accept(current);
        return api.replace(javaCall(), type, current.path("uuid").asText(), current);
    }

    /** Deletes like a client would (403 when referenced; throws {@link ApiException}). */
    public void delete(String type, String name) {
        ObjectNode current = find(type, name).orElseThrow(() -> ApiException.notFound(ModelType.require(type)));
        api.delete(javaCall(), type, current.path("uuid").asText());
    }

    private ObjectApi.Call javaCall() {
        return new ObjectApi.Call(TenantScope.ALL, port < 0 ? "" : baseUrl());
    }

    @Override
    public synchronized void close() {
        if (vertx == null) {
            return;
        }
        try {
            await(server.close().toCompletionStage().toCompletableFuture());
        } finally {
            await(vertx.close().toCompletionStage().toCompletableFuture());
            vertx = null;
            server = null;
            LOG.info("Avi Controller simulator on port {} stopped", port);
        }
    }

    @Override
    public String toString() {
        return "AviSimulator[" + (port < 0 ? "not started" : baseUrl()) + ", version " + info.version() + "]";
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulator server: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator server did not answer in 30 s", e);
        }
    }

    /** Configuration; the password is kept here only and never logged or printed. */
    public static final class Builder {
        private int port;
        private boolean https;
        private String username = DEFAULT_USERNAME;
        private String password = DEFAULT_PASSWORD;
        private String authToken;
        private String controllerVersion = DEFAULT_VERSION;
        private Duration idleTimeout = Duration.ofMinutes(15);
        private Clock clock = Clock.systemUTC();
        private final Seed seed = new Seed();

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        public Builder username(String username) {
            this.username = Objects.requireNonNull(username);
            return this;
        }

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        /** A token accepted at login as {@code {"username", "token"}} (more come from {@code POST /api/user-token}). */
        public Builder authToken(String token) {
            this.authToken = token;
            return this;
        }

        /** The controller version reported and the newest API version accepted (default {@value #DEFAULT_VERSION}). */
        public Builder controllerVersion(String version) {
            if (!ControllerInfo.isVersion(version)) {
                throw new IllegalArgumentException("controller version must look like 22.1.2: " + version);
            }
            this.controllerVersion = version;
            return this;
        }

        public Builder sessionIdleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Starts without a seed object, e.g. {@code without("cloud", "vcenter-cloud")}: also drops what lives in it
         * (its VRFs, SE group, networks) and every reference to it.
         */
        public Builder without(String type, String name) {
            seed.without(type, name);
            return this;
        }

        /**
         * Changes a seed object before start, e.g. {@code editSeed("cloud", "vcenter-cloud", c -> c.remove("dns_provider_ref"))}.
         * Refs in the body are in stored form {@code /api/<type>/<uuid>}.
         */
        public Builder editSeed(String type, String name, Consumer<ObjectNode> change) {
            seed.edit(type, name, change);
            return this;
        }

        public AviSimulator build() {
            return new AviSimulator(this);
        }
    }
}
