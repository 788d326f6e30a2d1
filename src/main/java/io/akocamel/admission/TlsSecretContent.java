package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.Secret;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * The certificate and key a TLS Secret holds, once {@link TlsSecretUsability} found it usable: decoded, the certificate
 * parsed and the key matched to it ({@link TlsKeyMatch}). Problems never contain the key (nor any Secret data).
 */
public final class TlsSecretContent {
    public static final String CRT = "tls.crt";
    public static final String KEY = "tls.key";

    /** The PEMs, or null PEMs and a problem saying what is wrong; toString leaves the key out. */
    public record Pems(String certificatePem, String keyPem, String problem) {
        public boolean valid() {
            return problem == null;
        }

        @Override
        public String toString() {
            return valid() ? "Pems[valid]" : "Pems[" + problem + "]";
        }
    }

    /** The Secret's two values exactly as stored: base64 in {@code data}, or plain in {@code stringData}; toString redacted. */
    public record Stored(String crt, boolean crtBase64, String key, boolean keyBase64) {
        public static Stored of(Secret secret) {
            Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
            Map<String, String> plain = secret.getStringData() == null ? Map.of() : secret.getStringData();
            boolean crtBase64 = !isEmpty(data.get(CRT));
            boolean keyBase64 = !isEmpty(data.get(KEY));
            return new Stored(crtBase64 ? data.get(CRT) : plain.get(CRT), crtBase64, keyBase64 ? data.get(KEY) : plain.get(KEY), keyBase64);
        }

        @Override
        public String toString() {
            return "Stored[redacted]";
        }
    }

    private TlsSecretContent() {
    }

    /** What a Secret holds, or why it cannot serve a certificate. */
    public static Pems read(Secret secret) {
        Problem unusable = TlsSecretUsability.problem(secret);
        return unusable != null ? invalid(unusable.message()) : decode(Stored.of(secret));
    }

    /** Decodes and parses the values of a Secret that {@link TlsSecretUsability} accepts (it has both); the first certificate is the server's. */
    public static Pems decode(Stored stored) {
        String crt = stored.crtBase64() ? base64(stored.crt()) : stored.crt();
        String key = stored.keyBase64() ? base64(stored.key()) : stored.key();
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
        return mismatch != null ? invalid(mismatch) : new Pems(crt, key, null);
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

    private static Pems invalid(String problem) {
        return new Pems(null, null, problem);
    }
}
