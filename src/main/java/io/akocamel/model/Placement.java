package io.akocamel.model;

import io.akocamel.config.ShardSize;
import io.akocamel.crd.AkoResources;
import io.akocamel.crd.InfraSetting;
import io.akocamel.crd.Verdict;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.function.Function;

/**
 * Where an Ingress's objects go: the default shared VSes ({@code setting} null), or the shared VSes of the
 * AviInfraSetting it names. {@code held}: it names a setting whose verdict is not known yet (no status), so neither
 * placement is sure and the shards it may be on are left as they are until the verdict comes.
 */
public record Placement(InfraSetting setting, boolean held) {
    public static final Placement DEFAULT = new Placement(null, false);

    /**
     * @param name            the setting the Ingress names (null: none)
     * @param settings        AviInfraSetting by name (null when it does not exist)
     * @param unknownAccepted a setting without a verdict counts as Accepted ({@code plan}: no controller to ask)
     */
    public static Placement of(String name, Function<String, GenericKubernetesResource> settings, boolean unknownAccepted) {
        GenericKubernetesResource resource = name == null ? null : settings.apply(name);
        if (resource == null) {
            return DEFAULT;
        }
        String status = AkoResources.status(resource);
        if (Verdict.REJECTED.equals(status)) {
            return DEFAULT;
        }
        return new Placement(InfraSetting.of(resource), status == null && !unknownAccepted);
    }

    /** The setting's name, or null. */
    public String settingName() {
        return setting == null ? null : setting.name();
    }

    /** The names of the objects of this placement. */
    public Naming naming(Naming base) {
        return setting == null ? base : base.forInfraSetting(setting.name(), shardSize(setting, base.shardSize()));
    }

    /** {@code l7Settings.shardSize}, or the values' size when the setting has none. */
    static ShardSize shardSize(InfraSetting setting, ShardSize otherwise) {
        for (ShardSize size : ShardSize.values()) {
            if (size.name().equals(setting.shardSize())) {
                return size;
            }
        }
        return otherwise;
    }
}
