package io.akocamel.kube;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotent repository for keys {@code <object>@<resourceVersion>} that remembers only the latest version of each
 * object: a replay of that version (a watch reconnect, an informer resync) is a duplicate, any other version is new.
 * A deletion ({@code @<rv>-deleted}) always passes and forgets the object, so memory follows the live objects.
 */
public final class ResourceVersionRepository extends ServiceSupport implements IdempotentRepository {
    public static final String DELETED_SUFFIX = "-deleted";

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    @Override
    public boolean add(String key) {
        int at = key.lastIndexOf('@');
        if (at < 0) {
            return versions.put(key, "") == null;
        }
        String object = key.substring(0, at);
        String version = key.substring(at + 1);
        if (version.endsWith(DELETED_SUFFIX)) {
            versions.remove(object);
            return true;
        }
        return !version.equals(versions.put(object, version));
    }

    @Override
    public boolean contains(String key) {
        int at = key.lastIndexOf('@');
        return at < 0 ? versions.containsKey(key) : Objects.equals(versions.get(key.substring(0, at)), key.substring(at + 1));
    }

    /** Forgets a failed version so that its redelivery is processed. */
    @Override
    public boolean remove(String key) {
        int at = key.lastIndexOf('@');
        return at < 0 ? versions.remove(key) != null : versions.remove(key.substring(0, at), key.substring(at + 1));
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        versions.clear();
    }

    public int size() {
        return versions.size();
    }
}
