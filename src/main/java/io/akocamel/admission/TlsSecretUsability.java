package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a Secret named by an Ingress's {@code spec.tls} can hold its certificate: of type {@code kubernetes.io/tls}
 * with both {@code tls.crt} and {@code tls.key}. Whether those are readable PEM is the model's concern (it parses them).
 */
public final class TlsSecretUsability {
    public static final String TLS_TYPE = "kubernetes.io/tls";
    public static final String SECRET_INVALID = "SecretInvalid";

    private TlsSecretUsability() {
    }

    /** Null for a usable Secret; else what is wrong, as a clause about the Secret ("it has no tls.key; ..."). */
    public static Problem problem(Secret secret) {
        if (!TLS_TYPE.equals(secret.getType())) {
            // the API server stores a Secret without a type as Opaque
            String type = secret.getType() == null ? "Opaque" : secret.getType();
            return new Problem(SECRET_INVALID, "it is of type " + type + ", not " + TLS_TYPE
                    + "; create it with kubectl create secret tls NAME --cert=FILE --key=FILE");
        }
        List<String> missing = new ArrayList<>(2);
        for (String key : List.of("tls.crt", "tls.key")) {
            if (isEmpty(secret.getData(), key) && isEmpty(secret.getStringData(), key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return new Problem(SECRET_INVALID, "it has no " + String.join(" and no ", missing) + "; a " + TLS_TYPE
                + " Secret needs both (kubectl create secret tls NAME --cert=FILE --key=FILE)");
    }

    private static boolean isEmpty(Map<String, String> data, String key) {
        return data == null || data.get(key) == null || data.get(key).isEmpty();
    }
}
