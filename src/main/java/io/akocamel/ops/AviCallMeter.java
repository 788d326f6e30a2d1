package io.akocamel.ops;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts and times every Avi Controller API call: Camel reports each send to the camel-http endpoint of route
 * {@code avi-call} (routes/avi-delivery.camel.yaml) with the time it took; the exchange then holds the method, the URI
 * and the status code. Logins are made outside Camel (see {@code ako_avi_session_logins_total}).
 */
final class AviCallMeter extends EventNotifierSupport {
    /** The endpoint of route {@code avi-call}, without its options. */
    static final String AVI_ENDPOINT = "http://avi-controller";

    private final AkoMetrics metrics;

    AviCallMeter(AkoMetrics metrics) {
        this.metrics = metrics;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    /** Camel times a send (and reports it sent) only when a notifier takes its sending event too. */
    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent sending && isAviCall(sending.getEndpoint())
                || event instanceof ExchangeSentEvent sent && isAviCall(sent.getEndpoint());
    }

    private static boolean isAviCall(Endpoint endpoint) {
        return AVI_ENDPOINT.equals(endpoint.getEndpointBaseUri());
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        Message message = sent.getExchange().getMessage();
        Integer code = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        metrics.aviCall(String.valueOf(message.getHeader(Exchange.HTTP_METHOD, "GET", String.class)),
                objectType(message.getHeader(Exchange.HTTP_URI, String.class)),
                code == null ? "error" : code.toString(), sent.getTimeTaken());
    }

    /** {@code https://host/api/pool/pool-1?x=y} → {@code pool}; anything else → {@code other}. */
    static String objectType(String uri) {
        int api = uri == null ? -1 : uri.indexOf("/api/");
        if (api < 0) {
            return "other";
        }
        String rest = uri.substring(api + "/api/".length());
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return end == 0 ? "other" : rest.substring(0, end);
    }
}
