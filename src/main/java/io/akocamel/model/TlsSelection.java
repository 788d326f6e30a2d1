package io.akocamel.model;

import io.akocamel.crd.HostSettings;
import io.akocamel.model.ModelWarning.Reason;
import io.akocamel.model.Specs.Action;
import io.akocamel.model.Specs.CertSpec;
import io.akocamel.model.Specs.ChildVsSpec;
import io.akocamel.model.Specs.HdrCond;
import io.akocamel.model.Specs.HostMatch;
import io.akocamel.model.Specs.Marker;
import io.akocamel.model.Specs.ObjectSpec;
import io.akocamel.model.Specs.RuleSpec;
import io.akocamel.model.TlsSecrets.KeyPair;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TLS hosts: which Secret serves which host (the oldest usable one), the certificate and SNI child VS that serve it,
 * and the parent's rules that redirect plain HTTP to it.
 */
final class TlsSelection {
    /** An Ingress's {@code spec.tls} entry for a host. */
    record TlsClaim(IngressRef ingress, String secretName) {
    }

    /**
     * The certificate chosen for a host and the namespace of its Secret; {@code keyPair} null when a HostRule names an
     * Avi certificate instead; {@code alternate}: the HostRule's alternate certificate Secret, or null.
     */
    record Chosen(KeyPair keyPair, String namespace, KeyPair alternate) {
    }

    private final ClusterView cluster;
    private final Memo memo;

    TlsSelection(ClusterView cluster, Memo memo) {
        this.cluster = cluster;
        this.memo = memo;
    }

    /**
     * Picks the oldest valid certificate among a host's claims (oldest Ingress first), warning about every unusable
     * one; null when none is usable.
     */
    Chosen choose(String host, List<TlsClaim> claims, List<ModelWarning> warnings) {
        List<ModelWarning> problems = new ArrayList<>(0);
        TlsClaim chosenClaim = null;
        Chosen chosen = null;
        for (TlsClaim claim : claims) {
            String namespace = claim.ingress().namespace();
            Optional<Secret> secret = claim.secretName().isEmpty() ? Optional.empty() : cluster.secret(namespace, claim.secretName());
            if (claim.secretName().isEmpty()) {
                problems.add(problem(claim, Reason.SecretNotFound, "spec.tls lists host '" + host
                        + "' without a secretName; name a kubernetes.io/tls Secret with tls.crt and tls.key"));
            } else if (secret.isEmpty()) {
                problems.add(problem(claim, Reason.SecretNotFound, "TLS Secret " + namespace + "/" + claim.secretName() + " for host '" + host
                        + "' does not exist; create a kubernetes.io/tls Secret with tls.crt and tls.key in namespace " + namespace));
            } else {
                KeyPair pair = TlsSecrets.read(secret.get(), memo);
                if (!pair.valid()) {
                    problems.add(problem(claim, Reason.SecretInvalid, "TLS Secret " + namespace + "/" + claim.secretName() + " for host '" + host
                            + "' is not usable: " + pair.problem() + "; put a PEM certificate in tls.crt and its PEM private key in tls.key"));
                } else if (chosen == null) {
                    chosenClaim = claim;
                    chosen = new Chosen(pair, namespace, null);
                }
            }
        }
        if (problems.isEmpty()) {
            return chosen;
        }
        String outcome = chosen == null ? ". Host '" + host + "' is not served until this is fixed"
                : ". Host '" + host + "' is served meanwhile with the certificate of Secret " + chosenClaim.ingress().namespace() + "/"
                + chosenClaim.secretName();
        for (ModelWarning w : problems) {
            warnings.add(new ModelWarning(w.namespace(), w.ingressName(), w.reason(), w.message() + outcome));
        }
        return chosen;
    }

    /**
     * The certificate a HostRule brings (it takes precedence over the Ingresses' Secrets, as in AKO): an Avi certificate,
     * or a TLS Secret of the rule's namespace; null when the rule brings none or its Secret is not usable (admission
     * rejects the rule for that at its next run; the Ingresses' Secrets serve meanwhile).
     */
    Chosen ofHostRule(String namespace, HostSettings settings) {
        KeyPair alternate = settings.alternateCertificateSecret() == null ? null : usable(namespace, settings.alternateCertificateSecret());
        if (settings.certificate() != null) {
            return new Chosen(null, namespace, alternate);
        }
        KeyPair pair = settings.certificateSecret() == null ? null : usable(namespace, settings.certificateSecret());
        return pair == null ? null : new Chosen(pair, namespace, alternate);
    }

    private KeyPair usable(String namespace, String name) {
        return cluster.secret(namespace, name).map(secret -> TlsSecrets.read(secret, memo)).filter(KeyPair::valid).orElse(null);
    }

    private static ModelWarning problem(TlsClaim claim, Reason reason, String message) {
        return new ModelWarning(claim.ingress().namespace(), claim.ingress().name(), reason, message);
    }

    /**
     * The certificates and the SNI child of the parent {@code vs} that serve a TLS host (and its {@code aliases}) with its
     * policy set.
     */
    static List<ObjectSpec> sniChild(Naming naming, String vs, String host, List<String> aliases, Chosen chosen, String setName,
                                     HostSettings settings) {
        List<ObjectSpec> specs = new ArrayList<>(3);
        String certificate = naming.certificateName(host);
        String alternate = chosen.alternate() == null || settings.alternateCertificate() != null ? null : naming.alternateCertificateName(host);
        if (settings.certificate() == null) { // else the HostRule's Avi certificate replaces the Secret's
            specs.add(new CertSpec(certificate, List.of(Marker.of("Host", host)), chosen.keyPair().certificatePem(), chosen.keyPair().keyPem()));
        }
        if (alternate != null) {
            specs.add(new CertSpec(alternate, List.of(Marker.of("Host", host)), chosen.alternate().certificatePem(), chosen.alternate().keyPem()));
        }
        specs.add(new ChildVsSpec(naming.sniChildName(host), vs, host, aliases, List.of(Marker.of("Namespace", chosen.namespace()),
                Marker.of("Host", host)), certificate, alternate, setName, settings));
        return specs;
    }

    /** Plain HTTP to a TLS host is redirected to HTTPS (302, as AKO); HTTPS that reached the parent gets a 404. */
    static List<RuleSpec> redirectRules(List<String> tlsPreciseValues, List<String> tlsWildcards, List<String> precise,
                                        List<String> wildcards) {
        List<RuleSpec> rules = new ArrayList<>();
        HostMatch preciseMatch = tlsPreciseValues.isEmpty() ? null : new HostMatch(new HdrCond("HDR_EQUALS", tlsPreciseValues), List.of());
        for (boolean redirect : new boolean[] {true, false}) {
            Action action = redirect ? Action.REDIRECT : Action.NOT_FOUND;
            if (preciseMatch != null) {
                rules.add(new RuleSpec(preciseMatch, null, null, redirect, action));
            }
            for (String w : tlsWildcards) {
                rules.add(new RuleSpec(HostMatching.hostMatch(w, precise, wildcards), null, null, redirect, action));
            }
        }
        return rules;
    }
}
