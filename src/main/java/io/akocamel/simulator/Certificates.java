package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * SSLKeyAndCertificate import: parses {@code certificate.certificate} (PEM) and fills the fields the controller
 * derives from it (subject, issuer, validity, expiry status, fingerprint, SANs). An unparsable certificate is the
 * controller's 500 {@code Import error ... common_name}.
 */
final class Certificates {
    private static final DateTimeFormatter AVI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private Certificates() {
    }

    static void describe(ObjectNode body, Instant now) {
        ObjectNode certificate = body.withObjectProperty("certificate");
        String pem = certificate.path("certificate").asText("");
        X509Certificate x509 = parse(pem);
        certificate.set("subject", name(x509.getSubjectX500Principal()));
        certificate.set("issuer", name(x509.getIssuerX500Principal()));
        certificate.put("not_before", AVI_TIME.format(x509.getNotBefore().toInstant()));
        certificate.put("not_after", AVI_TIME.format(x509.getNotAfter().toInstant()));
        long daysLeft = Duration.between(now, x509.getNotAfter().toInstant()).toDays();
        certificate.put("days_until_expire", daysLeft);
        certificate.put("expiry_status", x509.getNotAfter().toInstant().isBefore(now) ? "SSL_CERTIFICATE_EXPIRED"
                : daysLeft < EXPIRY_WARNING.toDays() ? "SSL_CERTIFICATE_EXPIRY_WARNING" : "SSL_CERTIFICATE_GOOD");
        certificate.put("self_signed", x509.getSubjectX500Principal().equals(x509.getIssuerX500Principal()));
        certificate.put("serial_number", x509.getSerialNumber().toString());
        certificate.put("fingerprint", "SHA1 Fingerprint=" + fingerprint(x509));
        ArrayNode sans = certificate.putArray("subject_alt_names");
        subjectAltNames(x509).forEach(sans::add);
    }

    private static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new ApiException(500, "Import error: the certificate is not a PEM X.509 certificate; "
                    + "no common_name could be read");
        }
    }

    private static ObjectNode name(X500Principal principal) {
        ObjectNode name = Json.object();
        try {
            new LdapName(principal.getName()).getRdns().forEach(rdn -> {
                switch (rdn.getType().toUpperCase(java.util.Locale.ROOT)) {
                    case "CN" -> name.put("common_name", rdn.getValue().toString());
                    case "O" -> name.put("organization", rdn.getValue().toString());
                    case "OU" -> name.put("organization_unit", rdn.getValue().toString());
                    case "C" -> name.put("country", rdn.getValue().toString());
                    default -> {
                    }
                }
            });
        } catch (InvalidNameException e) {
            name.put("distinguished_name", principal.getName());
        }
        name.put("distinguished_name", principal.getName());
        return name;
    }

    private static String fingerprint(X509Certificate x509) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(x509.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> subjectAltNames(X509Certificate x509) {
        try {
            var names = x509.getSubjectAlternativeNames();
            return names == null ? List.of() : names.stream().map(entry -> String.valueOf(entry.get(1))).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
