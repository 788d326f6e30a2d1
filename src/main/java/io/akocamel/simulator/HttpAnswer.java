package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One HTTP answer, independent of the server library. */
record HttpAnswer(int status, String body, String contentType, Map<String, String> headers,
                  List<SetCookie> cookies, String objectName) {
    static final String JSON = "application/json";

    /** A cookie to set; session cookies are HttpOnly; all get Path=/ (and Secure, SameSite=None over HTTPS). */
    record SetCookie(String name, String value, long maxAgeSeconds, boolean httpOnly) {
    }

    static HttpAnswer json(int status, JsonNode body) {
        return new HttpAnswer(status, Json.write(body), JSON, new LinkedHashMap<>(), new ArrayList<>(), null);
    }

    static HttpAnswer text(int status, String body) {
        return new HttpAnswer(status, body, "text/plain; charset=utf-8", new LinkedHashMap<>(), new ArrayList<>(), null);
    }

    static HttpAnswer empty(int status) {
        return new HttpAnswer(status, "", null, new LinkedHashMap<>(), new ArrayList<>(), null);
    }

    static HttpAnswer error(ApiException e) {
        return json(e.status(), Json.error(e.getMessage()));
    }

    /** The same answer, about the object of that name (for the request log). */
    HttpAnswer about(String name) {
        return new HttpAnswer(status, body, contentType, headers, cookies, name);
    }

    HttpAnswer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpAnswer cookie(String name, String value, long maxAgeSeconds, boolean httpOnly) {
        cookies.add(new SetCookie(name, value, maxAgeSeconds, httpOnly));
        return this;
    }
}
