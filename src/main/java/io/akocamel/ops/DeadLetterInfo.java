package io.akocamel.ops;

import io.akocamel.avi.DeadLetterStore;

import javax.management.ConstructorParameters;
import java.time.Instant;

/** One dead letter as JMX shows it (an open-type composite: readable from jconsole and jmxterm). */
public final class DeadLetterInfo {
    private final String objectKey;
    private final String shardKey;
    private final String method;
    private final String errorClass;
    private final int status;
    private final String error;
    private final int attempts;
    private final String firstTime;
    private final String lastTime;
    private final String retryAt;

    @ConstructorParameters({"objectKey", "shardKey", "method", "errorClass", "status", "error", "attempts", "firstTime", "lastTime", "retryAt"})
    public DeadLetterInfo(String objectKey, String shardKey, String method, String errorClass, int status, String error, int attempts,
                          String firstTime, String lastTime, String retryAt) {
        this.objectKey = objectKey;
        this.shardKey = shardKey;
        this.method = method;
        this.errorClass = errorClass;
        this.status = status;
        this.error = error;
        this.attempts = attempts;
        this.firstTime = firstTime;
        this.lastTime = lastTime;
        this.retryAt = retryAt;
    }

    static DeadLetterInfo of(DeadLetterStore.DeadLetter d) {
        return new DeadLetterInfo(d.objectKey(), d.shardKey(), d.method().name(), d.errorClass().name(), d.status(), d.error(),
                d.attempts(), text(d.firstTime()), text(d.lastTime()), text(d.retryAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String getObjectKey() {
        return objectKey;
    }

    public String getShardKey() {
        return shardKey;
    }

    public String getMethod() {
        return method;
    }

    public String getErrorClass() {
        return errorClass;
    }

    public int getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getFirstTime() {
        return firstTime;
    }

    public String getLastTime() {
        return lastTime;
    }

    /** When its shard is re-reconciled automatically; empty when not (or already requested). */
    public String getRetryAt() {
        return retryAt;
    }
}
