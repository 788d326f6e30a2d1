package io.akocamel.avi;

import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;

/**
 * TLS to the controller: verified (certificate chain and host name) against {@code certificateAuthorityData} when
 * given, else against the JVM trust store; unverified only with {@code akoCamel.controllerInsecureSkipVerify=true},
 * which logs a warning.
 */
final class AviTls {
    private static final Logger LOG = LoggerFactory.getLogger(AviTls.class);

    private AviTls() {
    }

    static TlsSocketStrategy strategy(String certificateAuthorityData, boolean insecure, String controller) {
        try {
            if (insecure) {
                LOG.warn("TLS verification of the Avi Controller at {} is OFF (akoCamel.controllerInsecureSkipVerify=true): "
                        + "anyone on the path can impersonate it; give its CA in avicredentials.certificateAuthorityData instead", controller);
                SSLContext trustAll = SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
                return ClientTlsStrategyBuilder.create().setSslContext(trustAll)
                        .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE).buildClassic();
            }
            if (certificateAuthorityData != null && !certificateAuthorityData.isBlank()) {
                return ClientTlsStrategyBuilder.create().setSslContext(trusting(certificateAuthorityData)).buildClassic();
            }
            return ClientTlsStrategyBuilder.create().setSslContext(SSLContexts.createSystemDefault()).buildClassic();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("avicredentials.certificateAuthorityData is not a usable PEM certificate (" + e.getMessage()
                    + "); give the controller's CA certificate(s) as PEM", e);
        }
    }

    private static SSLContext trusting(String caData) throws GeneralSecurityException, java.io.IOException {
        String pem = caData.contains("-----BEGIN") ? caData : new String(Base64.getMimeDecoder().decode(caData), StandardCharsets.UTF_8);
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate found");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("avi-ca-" + i++, certificate);
        }
        return SSLContexts.custom().loadTrustMaterial(store, null).build();
    }
}
