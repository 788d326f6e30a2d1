package io.akocamel.kube.watch;

import io.akocamel.kube.ClusterState;
import io.akocamel.kube.KubeAction;
import io.akocamel.kube.KubeHeaders;
import io.akocamel.kube.WatchSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Delivers informer notifications as exchanges, one at a time on the informer's own thread (so events of one kind
 * stay in order): body the typed fabric8 object (the last known state for DELETED), headers {@link KubeHeaders#KIND},
 * {@link KubeHeaders#ACTION}, {@link KubeHeaders#NAMESPACE}, {@link KubeHeaders#NAME}, {@link KubeHeaders#RESOURCE_VERSION}.
 */
public class KubeWatchConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(KubeWatchConsumer.class);

    private final WatchSpec spec;
    private final Handler handler = new Handler();
    private ClusterState clusterState;
    private SharedIndexInformer<? extends HasMetadata> informer;

    public KubeWatchConsumer(KubeWatchEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.spec = endpoint.spec();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        clusterState = ((KubeWatchEndpoint) getEndpoint()).getComponent().getClusterState();
        informer = clusterState.watch(spec).orElse(null);
        if (informer == null) {
            LOG.info("Not watching {}: Pods are needed only when L7Settings.serviceType is NodePortLocal", spec);
            return;
        }
        informer.addEventHandler(handler);
        clusterState.start(spec);
    }

    @Override
    protected void doStop() throws Exception {
        if (informer != null) {
            informer.removeEventHandler(handler);
            clusterState.release(spec);
            informer = null;
        }
        super.doStop();
    }

    private void deliver(KubeAction action, HasMetadata object) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(object);
        message.setHeader(KubeHeaders.KIND, spec.kind().kindName());
        message.setHeader(KubeHeaders.ACTION, action.name());
        if (object.getMetadata().getNamespace() != null) {
            message.setHeader(KubeHeaders.NAMESPACE, object.getMetadata().getNamespace());
        }
        message.setHeader(KubeHeaders.NAME, object.getMetadata().getName());
        message.setHeader(KubeHeaders.RESOURCE_VERSION, object.getMetadata().getResourceVersion());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing " + spec.kind().kindName() + " "
                    + object.getMetadata().getName() + " " + action, exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    private final class Handler implements ResourceEventHandler<HasMetadata> {
        @Override
        public void onAdd(HasMetadata object) {
            deliver(KubeAction.ADDED, object);
        }

        @Override
        public void onUpdate(HasMetadata previous, HasMetadata current) {
            boolean unchanged = previous == current || Objects.equals(previous.getMetadata().getResourceVersion(),
                    current.getMetadata().getResourceVersion());
            deliver(unchanged ? KubeAction.RESYNC : KubeAction.MODIFIED, current);
        }

        @Override
        public void onDelete(HasMetadata object, boolean finalStateUnknown) {
            deliver(KubeAction.DELETED, object);
        }
    }
}
