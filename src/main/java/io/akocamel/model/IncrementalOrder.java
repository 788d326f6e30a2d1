package io.akocamel.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The orders of a shard build, derived from the previous build of the same shard so that they cost only what changed:
 * host outputs reused from the previous build (the same instances) keep their places, and only the hosts that are
 * new, changed or gone are removed from or inserted into the previous order. A first build, or one where much
 * changed, sorts everything; both give the same result.
 */
final class IncrementalOrder {
    private final PreviousBuild previous;
    private final Comparator<AviObject> modelOrder;

    IncrementalOrder(String vs, PreviousBuild previous) {
        this.previous = previous;
        this.modelOrder = modelOrder(vs);
    }

    /** The objects by type (in create order), then by name, the parent VS {@code vs} before its SNI children. */
    static Comparator<AviObject> modelOrder(String vs) {
        return (a, b) -> {
            int c = Integer.compare(a.type().ordinal(), b.type().ordinal());
            if (c != 0) {
                return c;
            }
            boolean aParent = a.type() == AviType.VIRTUALSERVICE && a.name().equals(vs);
            boolean bParent = b.type() == AviType.VIRTUALSERVICE && b.name().equals(vs);
            return aParent != bParent ? (aParent ? -1 : 1) : a.name().compareTo(b.name());
        };
    }

    /**
     * The precise hosts in order: the previous build's order (sorted) without the hosts gone, with the new ones
     * inserted; so only new hosts are compared.
     */
    List<String> preciseHosts(Collection<String> hosts) {
        Set<String> current = hosts instanceof Set<String> set ? set : Set.copyOf(hosts);
        List<String> precise = new ArrayList<>(hosts.size());
        for (String host : previous.preciseHosts()) {
            if (current.contains(host)) {
                precise.add(host);
            }
        }
        List<String> added = new ArrayList<>();
        if (precise.size() < hosts.size()) {
            for (String host : hosts) {
                if (!Hosts.isWildcard(host) && Collections.binarySearch(precise, host) < 0) {
                    added.add(host);
                }
            }
        }
        if (added.size() > 16) {
            precise.addAll(added);
            precise.sort(null);
        } else {
            for (String host : added) {
                precise.add(-Collections.binarySearch(precise, host) - 1, host);
            }
        }
        return precise;
    }

    /** Hosts whose output is not the previous build's (new, changed or gone). */
    List<String> changedHosts(Map<String, HostOutput> outputs) {
        List<String> changed = new ArrayList<>();
        previous.hostOutputs().forEach((host, before) -> {
            if (outputs.get(host) != before) {
                changed.add(host);
            }
        });
        outputs.forEach((host, now) -> {
            if (!previous.hostOutputs().containsKey(host)) {
                changed.add(host);
            }
        });
        return changed;
    }

    /** Every object of the shard (the hosts' and the shard-level ones) in model order. */
    List<AviObject> objects(Map<String, HostOutput> outputs, List<String> changed, List<AviObject> shardObjects) {
        List<AviObject> removed = new ArrayList<>();
        List<AviObject> added = new ArrayList<>();
        for (String host : changed) {
            HostOutput before = previous.hostOutputs().get(host);
            HostOutput now = outputs.get(host);
            if (before != null) {
                removed.addAll(before.objects());
            }
            if (now != null) {
                added.addAll(now.objects());
            }
        }
        for (AviObject o : previous.shardObjects()) {
            if (!containsInstance(shardObjects, o)) {
                removed.add(o);
            }
        }
        for (AviObject o : shardObjects) {
            if (!containsInstance(previous.shardObjects(), o)) {
                added.add(o);
            }
        }
        List<AviObject> order = new ArrayList<>(previous.order());
        if (order.isEmpty() || removed.size() + added.size() > order.size() / 4 || !patch(order, removed, added)) {
            order.clear();
            outputs.values().forEach(o -> order.addAll(o.objects()));
            order.addAll(shardObjects);
            order.sort(modelOrder);
        }
        return order;
    }

    /** Removes and inserts by binary search in the ordered list; false if the list is not what it should be. */
    private boolean patch(List<AviObject> order, List<AviObject> removed, List<AviObject> added) {
        for (AviObject o : removed) {
            int at = Collections.binarySearch(order, o, modelOrder);
            if (at < 0 || order.get(at) != o) {
                return false;
            }
            order.remove(at);
        }
        for (AviObject o : added) {
            int at = Collections.binarySearch(order, o, modelOrder);
            if (at >= 0) {
                return false;
            }
            order.add(-at - 1, o);
        }
        return true;
    }

    private static boolean containsInstance(List<AviObject> list, AviObject o) {
        for (AviObject x : list) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per Ingress the hosts served for it; from the previous build's when only a few hosts changed (a sorted map is
     * copied in linear time), else from every host.
     */
    SortedMap<IngressRef, Set<String>> status(Map<String, HostOutput> outputs, List<String> changed, FallThrough fallThrough) {
        TreeMap<IngressRef, Set<String>> status;
        if (previous.fallThrough() == fallThrough && changed.size() <= outputs.size() / 4) {
            status = new TreeMap<>(previous.status());
            for (String host : changed) {
                HostOutput before = previous.hostOutputs().get(host);
                HostOutput now = outputs.get(host);
                if (before != null) {
                    before.ingresses().forEach(ingress -> unserved(status, ingress, host));
                }
                if (now != null) {
                    now.ingresses().forEach(ingress -> served(status, ingress, host));
                }
            }
            return status;
        }
        status = new TreeMap<>();
        for (Map.Entry<String, HostOutput> e : outputs.entrySet()) {
            for (IngressRef ingress : e.getValue().ingresses()) {
                served(status, ingress, e.getKey());
            }
        }
        if (fallThrough != null) {
            fallThrough.hostless().forEach(p -> served(status, p.ingress(), ""));
            if (fallThrough.defaultOwner() != null) {
                served(status, fallThrough.defaultOwner(), "");
            }
        }
        return status;
    }

    private static void served(TreeMap<IngressRef, Set<String>> status, IngressRef ingress, String host) {
        Set<String> hosts = status.get(ingress);
        if (hosts == null) {
            status.put(ingress, Set.of(host));
        } else if (!hosts.contains(host)) {
            TreeSet<String> more = new TreeSet<>(hosts);
            more.add(host);
            status.put(ingress, Collections.unmodifiableSortedSet(more));
        }
    }

    private static void unserved(TreeMap<IngressRef, Set<String>> status, IngressRef ingress, String host) {
        Set<String> hosts = status.get(ingress);
        if (hosts != null && hosts.contains(host)) {
            if (hosts.size() == 1) {
                status.remove(ingress);
            } else {
                TreeSet<String> fewer = new TreeSet<>(hosts);
                fewer.remove(host);
                status.put(ingress, fewer.size() == 1 ? Set.of(fewer.first()) : Collections.unmodifiableSortedSet(fewer));
            }
        }
    }
}
