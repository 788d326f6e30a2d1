package io.akocamel.avi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.config.SecretValue;
import io.akocamel.config.Settings;
import io.akocamel.util.Versions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The controller session (bean {@code aviSession}): login, cookies, CSRF, API version, tenant, TLS and the connection
 * pool. API calls go through camel-http ({@code direct:avi-call}); this class is that endpoint's
 * {@link HttpClientConfigurer}, and builds its own client for login with the same configuration, so login and calls
 * share one pool, one cookie store and one set of interceptors: the HttpClient keeps the session cookies in its
 * cookie store, the interceptors add {@code X-CSRFToken} (from the {@code csrftoken} cookie), {@code Referer} and
 * {@code X-Avi-Tenant} to every request and take {@code Set-Cookie} off every response, so cookies, CSRF token and
 * password never enter a Camel exchange (nor its logs, message history or errors).
 * <p>
 * Invalid credentials are a fatal configuration error: readiness goes down, the error is logged, and login is not
 * tried again (nor logged again) for a minute; calls fail at once meanwhile.
 * <p>
 * {@link #state()} is what the controller answered last: a logged-in session whose last call met a connection error or
 * a 5xx is {@link State#UNREACHABLE} until a call gets any other answer.
 */
public final class AviSession extends ServiceSupport implements HttpClientConfigurer {
    public enum State { NOT_CONNECTED, CONNECTED, UNREACHABLE, CREDENTIALS_REJECTED }

    /** AKO's {@code MaxAviVersion}: a discovered controller version is capped here. */
    public static final String MAX_VERSION = "30.2.1";
    private static final Logger LOG = LoggerFactory.getLogger(AviSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** After rejected credentials: no new login attempt (and no new error line) before this. */
    private static final Duration CREDENTIAL_RETRY = Duration.ofMinutes(1);

    private final String baseUri;
    private final String referer;
    private final String tenant;
    private final String configuredVersion;
    private final String username;
    private final SecretValue password;
    private final SecretValue token;
    private final RequestConfig requestConfig;
    private final PoolingHttpClientConnectionManager connections;
    private final CookieStore cookies = new BasicCookieStore();
    /** For login and version discovery; camel-http builds the calls' client with {@link #configureHttpClient} too. */
    private final CloseableHttpClient client;
    private final Redactor redactor = new Redactor();

    private volatile State state = State.NOT_CONNECTED;
    private volatile String problem = "not logged in yet";
    /** Why the last call got no usable answer (connection error, 5xx); null after any other answer. */
    private volatile String callProblem;
    private volatile String apiVersion;
    private final BooleanSupplier mayWrite;
    private volatile long generation;
    private Instant nextLoginAttempt = Instant.MIN;

    /** A session that always may write (a controller that runs alone, the {@code plan} command). */
    public AviSession(Settings settings) {
        this(settings, () -> true);
    }

    /** @param mayWrite asked before every call that is not a GET: false = not sent ({@link AviNotLeaderException}) */
    public AviSession(Settings settings, BooleanSupplier mayWrite) {
        this.mayWrite = mayWrite;
        Settings.ControllerSettings controller = settings.controllerSettings();
        if (controller.controllerHost().isEmpty()) {
            throw new IllegalArgumentException("ControllerSettings.controllerHost is empty; set the Avi Controller address "
                    + "(values ControllerSettings.controllerHost or env CTRL_IPADDRESS)");
        }
        URI uri = controller.controllerUri();
        this.baseUri = uri.toString();
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            LOG.warn("the Avi Controller address {} uses plain HTTP: the login sends the credentials in clear; use https://", baseUri);
        }
        this.referer = baseUri + "/";
        this.tenant = controller.tenantName();
        this.configuredVersion = controller.controllerVersion();
        this.username = settings.aviCredentials().username();
        this.password = settings.aviCredentials().password();
        this.token = settings.aviCredentials().authtoken();
        redactor.addSecret(password.reveal());
        redactor.addSecret(token.reveal());

        Settings.AkoCamelSettings camel = settings.akoCamel();
        Timeout timeout = Timeout.of(camel.callTimeout());
        this.requestConfig = RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build();
        // the parallel writes, plus the reads of the workers (inventory refresh), the full sync and the preflight
        int poolSize = camel.aviSessions() + camel.workers() + 2;
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(AviTls.strategy(settings.aviCredentials().certificateAuthorityData(),
                        camel.controllerInsecureSkipVerify(), baseUri))
                .setMaxConnTotal(poolSize)
                .setMaxConnPerRoute(poolSize)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create();
        configureHttpClient(builder);
        this.client = builder.build();
    }

    public State state() {
        State session = state;
        return session == State.CONNECTED && callProblem != null ? State.UNREACHABLE : session;
    }

    /** What is wrong when not connected (for readiness), null when connected. */
    public String problem() {
        String session = problem;
        return session != null ? session : callProblem;
    }

    /** Successful logins so far (the first and every renewal): metric {@code ako_avi_session_logins_total}. */
    public long logins() {
        return generation;
    }

    /** The {@code X-Avi-Version} in use (configured, or discovered at login), null before the first login. */
    public String apiVersion() {
        return apiVersion;
    }

    public String controllerUri() {
        return baseUri;
    }

    /** Removes secrets from text that came from the controller. */
    public String scrub(String text) {
        return redactor.scrub(text);
    }

    // ---- the camel-http endpoint ----

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.setConnectionManager(connections)
                .setConnectionManagerShared(true)
                .setDefaultRequestConfig(requestConfig)
                .setDefaultCookieStore(cookies)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .addExecInterceptorFirst("ako-connection-state", this::observe)
                .addRequestInterceptorLast((request, entity, context) -> {
                    request.setHeader("Accept", "application/json");
                    request.setHeader("Referer", referer);
                    request.setHeader("X-Avi-Tenant", tenant);
                    cookie("csrftoken").ifPresent(csrf -> request.setHeader("X-CSRFToken", csrf));
                })
                // after the cookie store took them
                .addResponseInterceptorLast((response, entity, context) -> {
                    if (response.containsHeader("Set-Cookie")) {
                        redactor.sessionSecrets(cookies.getCookies().stream().map(Cookie::getValue).toList());
                        response.removeHeaders("Set-Cookie");
                    }
                });
    }

    /** Every exchange with the controller, login included: its outcome is the connection state. */
    private ClassicHttpResponse observe(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain) throws IOException, HttpException {
        try {
            ClassicHttpResponse response = chain.proceed(request, scope);
            int status = response.getCode();
            callProblem = status >= 500 ? "the Avi Controller at " + baseUri + " answers HTTP " + status + " (" + request.getMethod()
                    + " " + request.getPath().replaceFirst("\\?.*", "") + ")" : null;
            return response;
        } catch (IOException | RuntimeException e) {
            callProblem = "cannot reach the Avi Controller at " + baseUri + ": " + scrub(String.valueOf(e.getMessage()));
            throw e;
        }
    }

    private Optional<String> cookie(String name) {
        return cookies.getCookies().stream().filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    /** Step of {@code direct:avi-call}: logs in when needed and turns the {@link AviStep} into the HTTP request. */
    public void prepare(Exchange exchange) throws IOException {
        AviStep step = exchange.getProperty(AviExchange.STEP, AviStep.class);
        if (!"GET".equals(step.method()) && !mayWrite.getAsBoolean()) {
            throw new AviNotLeaderException(step.method(), step.path());
        }
        ensureSession();
        exchange.setProperty(AviExchange.SESSION_GENERATION, generation);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_METHOD, step.method());
        message.setHeader(Exchange.HTTP_URI, baseUri + step.path());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("X-Avi-Version", apiVersion);
        message.setBody(step.body() == null ? null : JSON.writeValueAsString(step.body()));
    }

    /** Step of {@code direct:avi-call}: a 2xx body becomes a {@link JsonNode}; anything else a typed {@link AviException}. */
    public void readResponse(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = message.getBody(String.class);
        AviStep step = exchange.getProperty(AviExchange.STEP, AviStep.class);
        if (status >= 200 && status < 300) {
            try {
                message.setBody(text == null || text.isBlank() ? NullNode.getInstance() : JSON.readTree(text));
                exchange.setProperty(AviExchange.SESSION_ANSWERED, true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(step.method() + " " + step.path() + " -> " + status + " with a body that is not JSON");
            }
            return;
        }
        throw AviException.fromResponse(status, step.method(), step.path(), scrub(errorText(text)));
    }

    /** The {@code error} of an Avi error body, else the body itself (the CSRF failure is plain text). */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json.hasNonNull("error")) {
                return json.get("error").asText();
            }
        } catch (IOException notJson) {
            // plain text
        }
        return body.strip();
    }

    // ---- login ----

    void ensureSession() {
        if (state == State.CONNECTED) {
            return;
        }
        synchronized (this) {
            if (state != State.CONNECTED) {
                login();
            }
        }
    }

    /**
     * The error policy's {@code retryWhile} for 401/419: re-login once per call, then replay. When several calls meet
     * the same expired session, only the first logs in again; the others replay with the new session.
     */
    public boolean reLoginOnce(Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.getProperty(AviExchange.SESSION_RELOGGED_IN, Boolean.class))) {
            return false;
        }
        exchange.setProperty(AviExchange.SESSION_RELOGGED_IN, true);
        long seen = exchange.getProperty(AviExchange.SESSION_GENERATION, generation, Long.class);
        try {
            reLogin(seen);
            return true;
        } catch (AviException e) {
            exchange.setProperty(AviExchange.SESSION_LOGIN_ERROR, e);
            return false;
        }
    }

    synchronized void reLogin(long seenGeneration) {
        if (state == State.CONNECTED && generation != seenGeneration) {
            return;
        }
        LOG.info("the Avi Controller session expired; logging in again");
        cookies.clear();
        state = State.NOT_CONNECTED;
        login();
    }

    private void login() {
        Instant now = Instant.now();
        if (state == State.CREDENTIALS_REJECTED && now.isBefore(nextLoginAttempt)) {
            throw new AviCredentialsException(0, problem, problem);
        }
        try {
            doLogin();
            state = State.CONNECTED;
            problem = null;
            generation++;
        } catch (AviCredentialsException e) {
            state = State.CREDENTIALS_REJECTED;
            problem = e.getMessage();
            nextLoginAttempt = now.plus(CREDENTIAL_RETRY);
            LOG.error("{} (next login attempt in {} s)", e.getMessage(), CREDENTIAL_RETRY.toSeconds());
            throw e;
        } catch (AviTransientException e) {
            state = State.UNREACHABLE;
            problem = e.getMessage();
            throw e;
        }
    }

    private void doLogin() {
        ObjectNode body = JSON.createObjectNode().put("username", username);
        if (!password.isEmpty()) {
            body.put("password", password.reveal());
        } else {
            body.put("token", token.reveal());
        }
        HttpPost post = new HttpPost(baseUri + "/login");
        if (!configuredVersion.isEmpty()) {
            post.setHeader("X-Avi-Version", configuredVersion);
        }
        post.setEntity(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
        JsonNode loginReply = execute(post, "login", response -> {
            int status = response.getCode();
            String text = bodyText(response);
            if (status >= 200 && status < 300) {
                JsonNode json = text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
                String sessionCookie = json.path("session_cookie_name").asText("sessionid");
                if (cookie(sessionCookie).isEmpty()) {
                    LOG.debug("the login reply set no {} cookie; continuing without a session cookie", sessionCookie);
                }
                return json;
            }
            String message = scrub(errorText(text));
            if (status >= 500 || status == 408 || status == 429) {
                throw new AviTransientException(status, message, "login to the Avi Controller at " + baseUri + " failed with HTTP "
                        + status + ": " + message);
            }
            throw new AviCredentialsException(status, message, "the Avi Controller at " + baseUri + " rejected the login of user '"
                    + username + "' (HTTP " + status + ": " + message + "); fix avicredentials.username and password or authtoken "
                    + "(values.yaml, env AVI_USERNAME/AVI_PASSWORD/AVI_AUTHTOKEN, or the avi-secret Secret)");
        });
        apiVersion = configuredVersion.isEmpty() ? discoverVersion(loginReply) : configuredVersion;
        LOG.info("logged in to the Avi Controller at {} as {} (X-Avi-Version {}, X-Avi-Tenant {})", baseUri, username, apiVersion, tenant);
    }

    /** {@code GET /api/initial-data} → {@code version.Version} (the login reply's as a fallback), capped at 30.2.1. */
    private String discoverVersion(JsonNode loginReply) {
        HttpGet get = new HttpGet(baseUri + "/api/initial-data");
        String found;
        try {
            found = execute(get, "initial-data", response -> {
                String text = bodyText(response);
                return response.getCode() == 200 ? JSON.readTree(text).path("version").path("Version").asText("") : "";
            });
        } catch (AviTransientException e) {
            found = "";
        }
        if (found.isEmpty()) {
            found = loginReply.path("version").path("Version").asText("");
        }
        if (found.isEmpty()) {
            LOG.warn("the Avi Controller at {} did not tell its version; using X-Avi-Version {} (set ControllerSettings.controllerVersion "
                    + "to choose)", baseUri, MAX_VERSION);
            return MAX_VERSION;
        }
        return capVersion(found);
    }

    static String capVersion(String version) {
        return Versions.compare(version, MAX_VERSION) > 0 ? MAX_VERSION : version;
    }

    private static String bodyText(ClassicHttpResponse response) throws IOException {
        return response.getEntity() == null ? "" : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
    }

    private interface ResponseReader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    private <T> T execute(ClassicHttpRequest request, String what, ResponseReader<T> reader) {
        try {
            return client.execute(request, reader::read);
        } catch (SSLException e) {
            throw new AviTransientException(0, scrub(e.getMessage()), "TLS connection to the Avi Controller at " + baseUri + " failed ("
                    + scrub(e.getMessage()) + "); give its CA in avicredentials.certificateAuthorityData, or set "
                    + "akoCamel.controllerInsecureSkipVerify=true (not for production)");
        } catch (IOException e) {
            throw new AviTransientException(0, scrub(e.getMessage()), "cannot reach the Avi Controller at " + baseUri + " (" + what + "): "
                    + scrub(String.valueOf(e.getMessage())));
        }
    }

    @Override
    protected void doStop() throws Exception {
        client.close();
        connections.close();
    }

    @Override
    public String toString() {
        return "AviSession[" + baseUri + ", user " + username + ", " + state + "]";
    }
}
