package io.akocamel.model;

import io.akocamel.admission.Problem;
import io.akocamel.admission.TlsKeyMatch;
import io.akocamel.admission.TlsSecretUsability;
import io.fabric8.kubernetes.api.model.Secret;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * Reads a TLS Secret's {@code tls.crt} and {@code tls.key}, once {@link TlsSecretUsability} has found the Secret
 * usable. Messages never contain the key (nor any Secret data). Results are memoised by content, because parsing certificates is the costliest step of a shard build.
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
    private record Content(String crt, boolean crtBase64, String key, boolean keyBase64) {
        @Override
        public String toString() {
            return "Content[redacted]";
        }
    }

    private TlsSecrets() {
    }

    static KeyPair read(Secret secret, Memo memo) {
        Problem unusable = TlsSecretUsability.problem(secret);
        if (unusable != null) {
            return invalid(unusable.message());
        }
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        Map<String, String> plain = secret.getStringData() == null ? Map.of() : secret.getStringData();
        boolean crtBase64 = !isEmpty(data.get(CRT));
        boolean keyBase64 = !isEmpty(data.get(KEY));
        Content content = new Content(crtBase64 ? data.get(CRT) : plain.get(CRT), crtBase64,
                keyBase64 ? data.get(KEY) : plain.get(KEY), keyBase64);
        return memo.get(content, c -> decode((Content) c));
    }

    /** Decodes and parses the values of a Secret that {@link TlsSecretUsability} accepts (it has both); the first certificate is the server's. */
    private static KeyPair decode(Content content) {
        String crt = content.crtBase64() ? base64(content.crt()) : content.crt();
        String key = content.keyBase64() ? base64(content.key()) : content.key();
        if (crt == null) {
            return invalid(CRT + " is not base64");
        }
        if (key == null) {
            return invalid(KEY + " is not base64");
        }
        if (!crt.contains("-----BEGIN CERTIFICATE-----")) {
            return invalid(CRT + " is not a PEM certificate (no BEGIN CERTIFICATE block)");
        }
        X509Certificate certificate;
        try {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(crt.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                return invalid(CRT + " holds no certificate");
            }
            certificate = (X509Certificate) certificates.iterator().next();
        } catch (CertificateException | RuntimeException e) {
            return invalid(CRT + " is not a readable X.509 certificate");
        }
        String mismatch = TlsKeyMatch.problem(certificate, key);
        if (mismatch != null) {
            return invalid(mismatch);
        }
        return new KeyPair(crt, key, null);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
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
