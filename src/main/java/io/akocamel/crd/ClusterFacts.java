package io.akocamel.crd;

/** What the cluster says about the Kubernetes objects a HostRule names or claims: its Secrets, and the hosts of the Ingresses. */
public interface ClusterFacts {
    /** Every Secret usable, no Ingress host: for checks that only concern the resources themselves. */
    ClusterFacts NONE = new ClusterFacts() {
        @Override
        public String secretProblem(String namespace, String name) {
            return null;
        }

        @Override
        public String ingressOfHost(String host) {
            return null;
        }
    };

    /** Null when the TLS Secret can serve a certificate; else what is wrong, a clause about it ("does not exist ..."). */
    String secretProblem(String namespace, String name);

    /** The Ingress ({@code namespace/name}) whose rules serve the host, or null. */
    String ingressOfHost(String host);
}
