package io.akocamel.kube.watch;

import io.akocamel.kube.KubeKind;
import io.akocamel.kube.WatchSpec;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One watched kind with its filters; see {@link KubeWatchComponent} for the options. */
public class KubeWatchEndpoint extends DefaultEndpoint {
    private final KubeKind kind;
    private String namespace;
    private String name;
    private String labelSelector;
    private String fieldSelector;
    private long resyncPeriod = -1;

    public KubeWatchEndpoint(String uri, KubeWatchComponent component, KubeKind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public KubeWatchComponent getComponent() {
        return (KubeWatchComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("kube-watch: only consumes (from:); write objects with the fabric8 client");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        KubeWatchConsumer consumer = new KubeWatchConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public WatchSpec spec() {
        return new WatchSpec(kind, blankToNull(namespace), blankToNull(name), blankToNull(labelSelector), blankToNull(fieldSelector), resyncPeriod);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public KubeKind getKind() {
        return kind;
    }

    public String getNamespace() {
        return namespace;
    }

    /** Watch one namespace only (default: all namespaces). */
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getName() {
        return name;
    }

    /** Watch one object by name. */
    public void setName(String name) {
        this.name = name;
    }

    public String getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(String labelSelector) {
        this.labelSelector = labelSelector;
    }

    public String getFieldSelector() {
        return fieldSelector;
    }

    public void setFieldSelector(String fieldSelector) {
        this.fieldSelector = fieldSelector;
    }

    public long getResyncPeriod() {
        return resyncPeriod;
    }

    /** Milliseconds between re-deliveries of every object; 0 = never; default {@code akoCamel.kubernetesResyncSeconds}. */
    public void setResyncPeriod(long resyncPeriod) {
        this.resyncPeriod = resyncPeriod;
    }
}
