package io.akocamel.simulator;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One HTTP request as the endpoints see it, independent of the server library: decoded path and query parameters,
 * header and cookie lookups, the body as text, and the origin ({@code http(s)://host:port}) URLs in answers start with.
 */
record HttpCall(String method, String path, Map<String, List<String>> params, UnaryOperator<String> header,
                UnaryOperator<String> cookie, String body, String baseUrl, boolean https) {

    boolean unsafe() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }
}
