package io.akocamel.model;

import io.akocamel.model.ParsedIngress.PathEntry;
import io.akocamel.model.Specs.Action;

import java.util.List;

/**
 * What a request gets when no host-specific path matches: host-less paths (with the actions of their pools), then the
 * default backend (or null) of its owner.
 */
record FallThrough(List<PathEntry> hostless, List<Action> actions, Action defaultBackend, IngressRef defaultOwner) {
}
