package io.akocamel.kubeapi;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP front of the embedded API on its public port. Requests go to the {@link KubeApiDispatcher} through
 * fabric8's own request handler (WebSocket watches included); watches over plain HTTP, which kubectl uses and the
 * mock's server cannot stream, are streamed here as chunked lines.
 */
public final class KubeApiServer implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;

    private KubeApiServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Listens on host:port (0 = any free port). */
    public static KubeApiServer start(String host, int port, KubeApiDispatcher dispatcher) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        HttpServerRequestHandler store = new HttpServerRequestHandler(vertx) {
            @Override
            protected MockResponse onHttpRequest(RecordedRequest request) {
                return dispatcher.dispatch(request);
            }
        };
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(request -> {
                    if (!isHttpWatch(request) || !streamWatch(request, dispatcher)) {
                        store.handle(request);
                    }
                });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.close();
            throw new IllegalStateException("interrupted while starting on " + host + ":" + port, e);
        }
        return new KubeApiServer(vertx, server);
    }

    public int port() {
        return server.actualPort();
    }

    private static boolean isHttpWatch(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return request.method() == io.vertx.core.http.HttpMethod.GET && ApiRequest.parse(request.uri()).isWatch()
                && (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket"));
    }

    private static boolean streamWatch(HttpServerRequest request, KubeApiDispatcher dispatcher) {
        HttpServerResponse response = request.response();
        Context context = Vertx.currentContext();
        RecordedRequest recorded = new RecordedRequest("HTTP/1.1", HttpMethod.GET, request.uri(),
                Headers.builder().addAll(request.headers()).build(), new Buffer());
        Runnable end = () -> context.runOnContext(v -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        });
        Optional<KubeApiDispatcher.Watch> watch = dispatcher.openWatch(recorded, line -> context.runOnContext(v -> {
            if (!response.ended() && !response.closed()) {
                response.write(line);
            }
        }), end);
        if (watch.isEmpty()) {
            return false;
        }
        response.setChunked(true).setStatusCode(200).putHeader("Content-Type", "application/json");
        response.writeHead();
        response.closeHandler(v -> watch.get().close());
        response.endHandler(v -> watch.get().close());
        String timeout = ApiRequest.parse(request.uri()).param("timeoutSeconds");
        if (timeout.matches("\\d+")) {
            context.owner().setTimer(Math.max(1, Long.parseLong(timeout)) * 1000, id -> end.run());
        }
        return true;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing is best effort: the process or test is ending
        }
    }
}
