/**
 * Admission: which Ingresses are ours ({@link io.akocamel.admission.IngressEligibility},
 * {@link io.akocamel.admission.NamespaceSelection}), what in them can be served
 * ({@link io.akocamel.admission.IngressValidation}), and whether the Services and TLS Secrets they name are usable
 * ({@link io.akocamel.admission.ServiceUsability}, {@link io.akocamel.admission.TlsSecretUsability},
 * {@link io.akocamel.admission.TlsKeyMatch}).
 *
 * <p>A package of its own, below both {@code kube} and {@code model}, because both views of the cluster decide with
 * it: the live {@code kube.ClusterState} and the offline {@code model.ClusterSnapshot}; the model asks it about the
 * Services and Secrets it resolves. Decisions are pure functions of fabric8 model objects and the settings: no
 * Kubernetes client, no Camel, no I/O, so the two views cannot disagree.
 */
package io.akocamel.admission;
