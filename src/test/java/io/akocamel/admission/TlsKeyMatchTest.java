package io.akocamel.admission;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TlsKeyMatchTest {
    private static final Map<String, KeyPair> PAIRS = Map.of("rsa", generate("RSA", 1024), "rsa-other", generate("RSA", 1024),
            "ec", generate("EC", 256), "ec-other", generate("EC", 256));

    @ParameterizedTest(name = "{0} certificate, {1} key as {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            rsa | rsa       | PRIVATE KEY           | -
            rsa | rsa       | RSA PRIVATE KEY       | -
            ec  | ec        | PRIVATE KEY           | -
            ec  | ec        | EC PRIVATE KEY        | -
            rsa | rsa-other | PRIVATE KEY           | tls.key is not the private key of the certificate in tls.crt
            rsa | rsa-other | RSA PRIVATE KEY       | tls.key is not the private key of the certificate in tls.crt
            ec  | ec-other  | PRIVATE KEY           | tls.key is not the private key of the certificate in tls.crt
            ec  | ec-other  | EC PRIVATE KEY        | tls.key is not the private key of the certificate in tls.crt
            ec  | rsa       | RSA PRIVATE KEY       | tls.key is an RSA key but the certificate in tls.crt has an EC key
            ec  | rsa       | PRIVATE KEY           | tls.key is not a readable EC private key (the certificate in tls.crt has an EC key)
            ec  | ec        | ENCRYPTED PRIVATE KEY | -
            """)
    void keyAgainstCertificate(String certificateKey, String key, String form, String problem) throws Exception {
        X509Certificate certificate = selfSigned(PAIRS.get(certificateKey));
        assertThat(TlsKeyMatch.problem(certificate, pem(form, PAIRS.get(key)))).isEqualTo(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a key at all                                                  | tls.key is not a PEM private key (no BEGIN ... PRIVATE KEY block)
            -----BEGIN PRIVATE KEY-----\\ngarbage!\\n-----END PRIVATE KEY----- | tls.key's PEM block is not base64
            -----BEGIN PRIVATE KEY-----\\nZ2FyYmFnZQ==\\n-----END PRIVATE KEY----- | tls.key is not a readable EC private key (the certificate in tls.crt has an EC key)
            """)
    void garbage(String keyPem, String problem) throws Exception {
        assertThat(TlsKeyMatch.problem(selfSigned(PAIRS.get("ec")), keyPem.replace("\\n", "\n"))).isEqualTo(problem);
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=tls-key-match.example.com");
        Instant now = Instant.now();
        String signature = pair.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
    }

    /** PKCS#8 as is; PKCS#1 and SEC1 are the key inside PKCS#8's envelope. */
    private static String pem(String form, KeyPair pair) throws Exception {
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] der = form.equals("PRIVATE KEY") || form.equals("ENCRYPTED PRIVATE KEY") ? pkcs8
                : PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey().toASN1Primitive().getEncoded();
        return "-----BEGIN " + form + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + form + "-----\n";
    }
}
