package io.akocamel.admission;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a TLS Secret's {@code tls.key} is the private key of its certificate: the key signs a probe and the
 * certificate's public key must verify it. The Avi Controller rejects a mismatched pair, and the rejection would cost
 * the whole shard's update; found here, only that host goes unserved. Reads PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}) keys; other forms (encrypted, DSA) are left to the
 * controller. Messages never contain key material.
 */
public final class TlsKeyMatch {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]*PRIVATE KEY)-----([^-]*)-----END \\1-----");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Map<String, String> SIGNATURES = Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA",
            "Ed25519", "Ed25519", "EdDSA", "EdDSA");
    private static final Map<String, String> TRADITIONAL = Map.of("RSA PRIVATE KEY", "RSA", "EC PRIVATE KEY", "EC");
    private static final byte[] PROBE = "ako-camel key pair check".getBytes(StandardCharsets.US_ASCII);

    private TlsKeyMatch() {
    }

    /** Null when {@code keyPem} is the certificate's key (or a form not checked here); else what is wrong. */
    public static String problem(X509Certificate certificate, String keyPem) {
        Matcher pem = PEM.matcher(keyPem);
        if (!pem.find()) {
            return "tls.key is not a PEM private key (no BEGIN ... PRIVATE KEY block)";
        }
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = publicKey.getAlgorithm();
        String label = pem.group(1);
        String traditional = TRADITIONAL.get(label);
        if (traditional == null && !label.equals("PRIVATE KEY") || !SIGNATURES.containsKey(algorithm)) {
            return null;
        }
        if (traditional != null && !traditional.equals(algorithm)) {
            return "tls.key is an " + traditional + " key but the certificate in tls.crt has an " + algorithm + " key";
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(WHITESPACE.matcher(pem.group(2)).replaceAll(""));
        } catch (IllegalArgumentException e) {
            return "tls.key's PEM block is not base64";
        }
        try {
            byte[] pkcs8 = traditional == null ? der : privateKeyInfo(algorithmIdentifier(publicKey.getEncoded()), der);
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return signs(key, publicKey) ? null : "tls.key is not the private key of the certificate in tls.crt";
        } catch (GeneralSecurityException | RuntimeException e) {
            return "tls.key is not a readable " + algorithm + " private key (the certificate in tls.crt has an " + algorithm + " key)";
        }
    }

    private static boolean signs(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = SIGNATURES.get(publicKey.getAlgorithm());
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(PROBE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(PROBE);
        return verifier.verify(signature);
    }

    /**
     * PKCS#8 PrivateKeyInfo {@code SEQUENCE {INTEGER 0, AlgorithmIdentifier, OCTET STRING key}} around a PKCS#1 or SEC1
     * key, with the certificate's AlgorithmIdentifier (it names the algorithm and, for EC, the curve).
     */
    private static byte[] privateKeyInfo(byte[] algorithmIdentifier, byte[] traditionalKey) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(algorithmIdentifier);
        content.writeBytes(tlv(0x04, traditionalKey));
        return tlv(0x30, content.toByteArray());
    }

    /** The first element of SubjectPublicKeyInfo {@code SEQUENCE {AlgorithmIdentifier, BIT STRING}}. */
    private static byte[] algorithmIdentifier(byte[] subjectPublicKeyInfo) {
        int start = headerLength(subjectPublicKeyInfo, 0);
        int length = headerLength(subjectPublicKeyInfo, start) + contentLength(subjectPublicKeyInfo, start);
        return Arrays.copyOfRange(subjectPublicKeyInfo, start, start + length);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Tag and length octets of the DER element at {@code offset}. */
    private static int headerLength(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int contentLength(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xff);
        }
        return length;
    }
}
