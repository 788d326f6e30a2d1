package io.akocamel.simulator;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins and their sessions. A login with the configured username and password, or with a token from
 * {@code POST /api/user-token} (or the builder), opens a session with its own CSRF token. A session ends at logout,
 * after the idle timeout (15 minutes, the controller's default {@code api_idle_timeout}), or by fault injection
 * (after N calls, or all at once).
 */
final class Sessions {
    private static final char[] TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            .toCharArray();

    private final String username;
    private final byte[] password;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Faults faults;

    Sessions(String username, String password, String token, Duration idleTimeout, Clock clock, Faults faults) {
        this.username = username;
        this.password = password.getBytes(StandardCharsets.UTF_8);
        if (token != null) {
            tokens.add(token);
        }
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.faults = faults;
    }

    /** A logged-in session. Its fields are only touched through {@link Sessions}. */
    static final class Session {
        final String id;
        final String csrfToken;
        final String username;
        private Instant lastUsed;
        private int callsInGeneration;
        private int generation;

        private Session(String id, String csrfToken, String username, Instant now, int generation) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.username = username;
            this.lastUsed = now;
            this.generation = generation;
        }
    }

    Optional<Session> login(String user, String secret, String token) {
        boolean userOk = username.equals(user);
        boolean passwordOk = secret != null
                && MessageDigest.isEqual(password, secret.getBytes(StandardCharsets.UTF_8));
        boolean tokenOk = token != null && tokens.contains(token);
        if (!userOk || !(passwordOk || tokenOk)) {
            return Optional.empty();
        }
        Session session = new Session(randomToken(32), randomToken(32), user, clock.instant(),
                faults.sessionRuleGeneration());
        sessions.put(session.id, session);
        return Optional.of(session);
    }

    String username() {
        return username;
    }

    String issueToken() {
        String token = randomToken(40);
        tokens.add(token);
        return token;
    }

    /** The live session with this id, counting this call; empty when unknown, idle too long, or expired by a fault. */
    Optional<Session> use(String id) {
        Session session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        synchronized (session) {
            Instant now = clock.instant();
            int generation = faults.sessionRuleGeneration();
            if (session.generation != generation) {
                session.generation = generation;
                session.callsInGeneration = 0;
            }
            int limit = faults.sessionExpiryAfterCalls();
            boolean idle = Duration.between(session.lastUsed, now).compareTo(idleTimeout) > 0;
            if (idle || limit > 0 && session.callsInGeneration >= limit) {
                sessions.remove(id);
                return Optional.empty();
            }
            session.callsInGeneration++;
            session.lastUsed = now;
        }
        return Optional.of(session);
    }

    void logout(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    void expireAll() {
        sessions.clear();
    }

    private String randomToken(int length) {
        char[] token = new char[length];
        for (int i = 0; i < length; i++) {
            token[i] = TOKEN_CHARS[random.nextInt(TOKEN_CHARS.length)];
        }
        return new String(token);
    }
}
