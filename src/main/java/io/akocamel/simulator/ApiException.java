package io.akocamel.simulator;

/**
 * A refusal with the controller's status code and message, e.g. 404 {@code Pool object not found!}.
 * Thrown by the simulator's Java API as well as turned into HTTP answers ({@code {"error": message}}).
 */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException notFound(ModelType type) {
        return new ApiException(404, type.model() + " object not found!");
    }
}
