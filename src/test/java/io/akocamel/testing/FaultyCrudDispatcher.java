package io.akocamel.testing;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CRUD mock with the faults a real API server shows: watch connections closed under the client, watches that are
 * refused for a while, a 410 Gone ("too old resource version") on a watch, failing lists, one client cut off from the
 * Leases. Clients are told apart by their User-Agent (one per controller replica), and the writes each made are kept.
 */
public final class FaultyCrudDispatcher extends IndexedCrudDispatcher {
    private static final String INGRESSES = "/apis/networking.k8s.io/v1/ingresses";
    private static final String GONE = """
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
            "message":"too old resource version","reason":"Expired","code":410}}""";

    private final Set<WebSocket> watches = ConcurrentHashMap.newKeySet();
    /** While set, every watch request is refused with 503. */
    public volatile boolean refuseWatches;
    /** While set, Ingress lists fail with 503. */
    public volatile boolean failIngressLists;
    /** While set, the whole API answers 503: lists, reads, writes and watches. */
    public volatile boolean unavailable;
    /** The next this-many Ingress watches get a 410 Gone instead of events. */
    public final AtomicInteger goneIngressWatches = new AtomicInteger();
    public final AtomicInteger ingressLists = new AtomicInteger();
    public final AtomicInteger refusedIngressWatches = new AtomicInteger();
    public final AtomicInteger goneSent = new AtomicInteger();
    /** Ingress lists made before the last 410 Gone was sent. */
    public volatile int ingressListsBeforeGone;
    /** Clients (by User-Agent) whose Lease requests answer 503, as if that replica could not reach the API server. */
    public final Set<String> leasesUnreachableFor = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> writesByClient = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String client = String.valueOf(request.getHeader("User-Agent"));
        if (unavailable || (request.getPath().contains("/leases") && leasesUnreachableFor.contains(client))) {
            return unavailableResponse();
        }
        if (!"GET".equals(request.getMethod())) {
            writesByClient.computeIfAbsent(client, c -> new CopyOnWriteArrayList<>()).add(request.getMethod() + " " + request.getPath());
        }
        return super.dispatch(request);
    }

    /** The writes ({@code METHOD path}) the client with this User-Agent made, in order. */
    public List<String> writesBy(String userAgent) {
        return List.copyOf(writesByClient.getOrDefault(userAgent, List.of()));
    }

    private static MockResponse unavailableResponse() {
        return new MockResponse().setResponseCode(503).setBody("{\"kind\":\"Status\",\"code\":503,\"message\":\"unavailable\"}");
    }

    @Override
    public MockResponse handleGet(String path) {
        if (path.startsWith(INGRESSES) && !path.contains("watch=true")) {
            ingressLists.incrementAndGet();
            if (failIngressLists) {
                return unavailableResponse();
            }
        }
        return super.handleGet(path);
    }

    @Override
    public MockResponse handleWatch(String path) {
        if (refuseWatches) {
            if (path.startsWith(INGRESSES)) {
                refusedIngressWatches.incrementAndGet();
            }
            return unavailableResponse();
        }
        if (path.startsWith(INGRESSES) && goneIngressWatches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                @Override
                public void onOpen(WebSocket webSocket, Response response) {
                    ingressListsBeforeGone = ingressLists.get();
                    webSocket.send(GONE.replace("\n", ""));
                    goneSent.incrementAndGet();
                }
            });
        }
        WebSocketListener crud = super.handleWatch(path).getWebSocketListener();
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                watches.add(webSocket);
                crud.onOpen(webSocket, response);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                crud.onMessage(webSocket, text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                crud.onClosing(webSocket, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                watches.remove(webSocket);
                crud.onClosed(webSocket, code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable error, Response response) {
                watches.remove(webSocket);
                crud.onFailure(webSocket, error, response);
            }
        });
    }

    /** Whether an Ingress watch connection is open. */
    public boolean ingressWatchOpen() {
        return watches.stream().anyMatch(ws -> ws.request().getPath().startsWith(INGRESSES));
    }

    /** Closes every open watch from the server side, as an API server restart or a load balancer timeout does. */
    public void closeAllWatches() {
        for (WebSocket webSocket : watches) {
            webSocket.close(1000, "closed by the test");
        }
    }
}
