package io.akocamel.kubeapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What kubectl needs in front of fabric8's CRUD mock (the store): discovery documents for every served group,
 * field selectors on any field, Tables for {@code Accept: ...;as=Table} and watches streamed over HTTP. Everything
 * else is the store's answer.
 */
public final class KubeApiDispatcher extends Dispatcher {
    private final Dispatcher store;
    private final Supplier<String> serverAddress;

    /** {@code serverAddress} (host:port) is what {@code /api} tells clients to use. */
    public KubeApiDispatcher(Dispatcher store, Supplier<String> serverAddress) {
        this.store = store;
        this.serverAddress = serverAddress;
    }

    /** An open HTTP watch; closing it stops the events. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.contains("protobuf")) {
            return status(415, "UnsupportedMediaType", "the embedded Kubernetes API reads JSON and YAML bodies, not " + contentType
                    + "; use kubectl apply --validate=false -f FILE");
        }
        try {
            return answer(request);
        } catch (RuntimeException e) {
            return status(500, "InternalError", "the embedded Kubernetes API could not answer " + request.getMethod() + " "
                    + ApiRequest.parse(request.getPath()).path() + ": " + e.getMessage());
        }
    }

    private MockResponse answer(RecordedRequest request) {
        ApiRequest api = ApiRequest.parse(request.getPath());
        boolean get = request.method() == HttpMethod.GET;
        Optional<ApiRequest.Resource> resource = api.resource();
        if (get && resource.isEmpty()) {
            Optional<String> document = DiscoveryDocuments.at(api.path(), catalogue(), serverAddress.get());
            if (document.isPresent()) {
                return json(document.get());
            }
        }
        if (get && !api.isWatch() && !api.param("fieldSelector").isEmpty()) {
            request = withoutFieldSelector(request);
        }
        MockResponse answer = store.dispatch(request);
        if (!get || api.isWatch() || answer.code() != 200 || resource.isEmpty() || answer.getBody() == null) {
            return answer;
        }
        JsonNode body = read(new String(answer.getBody().getBytes(), StandardCharsets.UTF_8));
        if (body == null) {
            return answer;
        }
        if (resource.get().isList()) {
            body = typedList(body, resource.get(), FieldSelector.parse(api.param("fieldSelector")));
        }
        if (Tables.wanted(request.getHeader("Accept"))) {
            body = Tables.of(body, printer(resource.get()), api.param("includeObject"), Instant.now(), true);
        }
        return json(body.toString());
    }

    /**
     * Opens a watch over HTTP: each event is one line to {@code lines}; {@code end} runs when the store closes it.
     * Empty when the request is not a watch of a resource.
     */
    public Optional<Watch> openWatch(RecordedRequest request, Consumer<String> lines, Runnable end) {
        ApiRequest api = ApiRequest.parse(request.getPath());
        Optional<ApiRequest.Resource> resource = api.resource();
        if (!api.isWatch() || resource.isEmpty()) {
            return Optional.empty();
        }
        MockResponse answer = store.dispatch(withoutFieldSelector(request));
        WebSocketListener listener = answer.getWebSocketListener();
        if (listener == null) {
            return Optional.empty();
        }
        Optional<TablePrinter> table = Tables.wanted(request.getHeader("Accept")) ? Optional.of(printer(resource.get())) : Optional.empty();
        WatchLines socket = new WatchLines(request, api, table, lines, end);
        listener.onOpen(socket, answer);
        AtomicBoolean closed = new AtomicBoolean();
        return Optional.of(() -> {
            if (!closed.getAndSet(true)) {
                listener.onClosed(socket, 1000, "watch closed");
            }
        });
    }

    private TablePrinter printer(ApiRequest.Resource resource) {
        return served(resource).map(ApiResource::printer).orElse(TablePrinter.NAME_AND_CREATED);
    }

    private Optional<ApiResource> served(ApiRequest.Resource resource) {
        return ApiCatalogue.builtIn().find(resource.groupVersion(), resource.plural())
                .or(() -> catalogue().find(resource.groupVersion(), resource.plural()));
    }

    /** The built-in kinds and the custom resources of the CustomResourceDefinitions stored now. */
    private ApiCatalogue catalogue() {
        MockResponse crds = store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, ApiCatalogue.CRD_PATH,
                Headers.builder().build(), new Buffer()));
        JsonNode list = crds.code() == 200 && crds.getBody() != null ? read(new String(crds.getBody().getBytes(), StandardCharsets.UTF_8)) : null;
        return list == null ? ApiCatalogue.builtIn() : ApiCatalogue.withCustomResources(list);
    }

    /** The store matches only the fields it indexes and finds nothing for the others: the selector is applied here instead. */
    private static RecordedRequest withoutFieldSelector(RecordedRequest request) {
        String uri = request.getPath().replaceAll("([?&])fieldSelector=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return new RecordedRequest(request.getHttpVersion(), request.method(), uri, request.getHeaders(), request.getBody());
    }

    /**
     * The store's {@code v1 List} as an API server answers it ({@code IngressList} of {@code networking.k8s.io/v1}, which
     * kubectl's typed clients need to decode it), with only the items the field selector matches.
     */
    private JsonNode typedList(JsonNode list, ApiRequest.Resource resource, FieldSelector selector) {
        ObjectNode copy = ((ObjectNode) list).deepCopy();
        served(resource).map(ApiResource::kind).ifPresent(kind -> copy.put("kind", kind + "List").put("apiVersion", resource.groupVersion()));
        ArrayNode items = copy.putArray("items");
        list.path("items").forEach(item -> {
            if (selector.matches(item)) {
                items.add(item);
            }
        });
        return copy;
    }

    private static JsonNode read(String json) {
        try {
            return Tables.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static MockResponse status(int code, String reason, String message) {
        ObjectNode status = Tables.JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
                .put("message", message).put("reason", reason).put("code", code);
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(status.toString());
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }
}
