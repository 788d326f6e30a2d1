package io.akocamel.model;

import io.akocamel.crd.PoolSettings;
import io.akocamel.model.ParsedIngress.PathEntry;
import io.akocamel.model.ServerResolver.Resolution;
import io.akocamel.model.Specs.Action;
import io.akocamel.model.Specs.ActionKind;
import io.akocamel.model.Specs.Marker;
import io.akocamel.model.Specs.ObjectSpec;
import io.akocamel.model.Specs.PkiProfileSpec;
import io.akocamel.model.Specs.PoolSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The pool behind each path and default backend, and the action that switches to it. An Ingress path has one Service,
 * so no path needs a pool group: the rule switches to the pool directly ({@code pool_ref}), one write fewer per path.
 */
final class Pools {
    private final ServerResolver resolver;
    private final Function<ObjectSpec, AviObject> objects;

    /** {@code objects}: the object of a spec (reused while the spec is equal). */
    Pools(ServerResolver resolver, Function<ObjectSpec, AviObject> objects) {
        this.resolver = resolver;
        this.objects = objects;
    }

    /**
     * The pool of one path, with what an HTTPRule sets on it, added to {@code out} (after the PKI profile of the rule's
     * {@code destinationCA}, when it has one); returns the rule action that switches to it.
     */
    Action ofPath(PathEntry e, String name, PoolSettings settings, List<AviObject> out, List<ModelWarning> warningsOut) {
        Resolution r = resolver.resolve(e.ingress().namespace(), e.backend());
        if (r.problem() != null) {
            warningsOut.add(new ModelWarning(e.ingress().namespace(), e.ingress().name(), r.problem(), e.describe() + ": " + r.message()));
        }
        List<Marker> markers = new ArrayList<>(5);
        markers.add(Marker.of("Namespace", e.ingress().namespace()));
        if (!e.host().isEmpty()) {
            markers.add(Marker.of("Host", e.host()));
        }
        if (!e.rawPath().isEmpty()) {
            markers.add(Marker.of("Path", e.rawPath()));
        }
        markers.add(Marker.of("IngressName", e.ingress().name()));
        markers.add(Marker.of("ServiceName", e.backend().service()));
        String pkiProfile = null;
        if (settings.destinationCa() != null) {
            pkiProfile = Naming.pkiProfileName(name);
            out.add(objects.apply(new PkiProfileSpec(pkiProfile, List.copyOf(markers), settings.destinationCa())));
        }
        out.add(objects.apply(new PoolSpec(name, List.copyOf(markers), r.servers(), settings, pkiProfile)));
        return new Action(ActionKind.POOL, name);
    }

    /** A pool of resolved servers, added to {@code out}; returns the rule action that switches to it. */
    Action of(String poolName, List<Marker> markers, Resolution r, List<AviObject> out) {
        out.add(objects.apply(new PoolSpec(poolName, List.copyOf(markers), r.servers())));
        return new Action(ActionKind.POOL, poolName);
    }

    /** AKO's names are not injective ({@code /a_b} and {@code /a/b} give the same name): later ones get a hash. */
    static String unique(Set<String> used, String name, String identity) {
        String unique = name;
        if (!used.add(unique)) {
            unique = Naming.bounded(name + "-" + String.format("%08x", Naming.fnv1a32(identity)));
            used.add(unique);
        }
        return unique;
    }
}
