package io.akocamel.model;

import io.fabric8.kubernetes.api.model.Secret;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Map;

/**
 * Reads a TLS Secret's {@code tls.crt} and {@code tls.key}. Messages never contain the key (nor any Secret data).
 * Results are memoised by content, because parsing certificates is the costliest step of a shard build.
 */
final class TlsSecrets {
    static final String CRT = "tls.crt";
    static final String KEY = "tls.key";

    /** The PEMs, or null PEMs and a problem saying what is wrong. */
    record KeyPair(String certificatePem, String keyPem, String problem) {
        boolean valid() {
            return problem == null;
        }

        @Override
        public String toString() {
            return valid() ? "KeyPair[valid]" : "KeyPair[" + problem + "]";
        }
    }

    /** The memo key: the Secret's two values exactly as stored (base64 in data, or plain in stringData). */
    private record Content(String crt, String key, boolean base64) {
        @Override
        public String toString() {
            return "Content[redacted]";
        }
    }

    private TlsSecrets() {
    }

    static KeyPair read(Secret secret, Memo memo) {
        Map<String, String> data = secret.getData();
        Map<String, String> plain = secret.getStringData();
        Content content;
        if (data != null && (data.containsKey(CRT) || data.containsKey(KEY))) {
            content = new Content(data.get(CRT), data.get(KEY), true);
        } else if (plain != null) {
            content = new Content(plain.get(CRT), plain.get(KEY), false);
        } else {
            content = new Content(null, null, false);
        }
        return memo.get(content, c -> decode((Content) c));
    }

    private static KeyPair decode(Content content) {
        if (content.crt() == null || content.crt().isEmpty()) {
            return invalid("it has no " + CRT);
        }
        if (content.key() == null || content.key().isEmpty()) {
            return invalid("it has no " + KEY);
        }
        String crt = content.base64() ? base64(content.crt()) : content.crt();
        String key = content.base64() ? base64(content.key()) : content.key();
        if (crt == null) {
            return invalid(CRT + " is not base64");
        }
        if (key == null) {
            return invalid(KEY + " is not base64");
        }
        if (!crt.contains("-----BEGIN CERTIFICATE-----")) {
            return invalid(CRT + " is not a PEM certificate (no BEGIN CERTIFICATE block)");
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(crt.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                return invalid(CRT + " holds no certificate");
            }
        } catch (CertificateException | RuntimeException e) {
            return invalid(CRT + " is not a readable X.509 certificate");
        }
        if (!key.contains("-----BEGIN ") || !key.contains("PRIVATE KEY-----")) {
            return invalid(KEY + " is not a PEM private key (no BEGIN ... PRIVATE KEY block)");
        }
        return new KeyPair(crt, key, null);
    }

    private static String base64(String value) {
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static KeyPair invalid(String problem) {
        return new KeyPair(null, null, problem);
    }
}
