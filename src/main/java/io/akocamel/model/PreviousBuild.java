package io.akocamel.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * What a build leaves for the next build of the same shard, so that ordering costs only what changed: the objects in
 * model order, each host's output, the shard-level objects, the precise hosts in order, the status and the
 * fall-through.
 */
record PreviousBuild(List<AviObject> order, Map<String, HostOutput> hostOutputs, List<AviObject> shardObjects, List<String> preciseHosts,
                     SortedMap<IngressRef, Set<String>> status, FallThrough fallThrough) {
    static final PreviousBuild EMPTY = new PreviousBuild(List.of(), Map.of(), List.of(), List.of(), Collections.emptySortedMap(), null);
}
