package io.akocamel.model;

import io.akocamel.admission.Problem;
import io.akocamel.admission.TlsSecretContent;
import io.akocamel.admission.TlsSecretUsability;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Reads a TLS Secret's {@code tls.crt} and {@code tls.key}, once {@link TlsSecretUsability} has found the Secret
 * usable. Messages never contain the key (nor any Secret data). Results are memoised by content, because parsing certificates is the costliest step of a shard build.
 */
final class TlsSecrets {
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

    private TlsSecrets() {
    }

    static KeyPair read(Secret secret, Memo memo) {
        Problem unusable = TlsSecretUsability.problem(secret);
        if (unusable != null) {
            return new KeyPair(null, null, unusable.message());
        }
        return memo.get(TlsSecretContent.Stored.of(secret), stored -> {
            TlsSecretContent.Pems pems = TlsSecretContent.decode((TlsSecretContent.Stored) stored);
            return new KeyPair(pems.certificatePem(), pems.keyPem(), pems.problem());
        });
    }
}
