package io.akocamel.model;

import java.util.List;
import java.util.Set;

/**
 * Everything one host contributes: its objects (in model order), its pools' names, its warnings, the Ingresses that
 * name it (for status), its policy set's name, and the Host header values of a precise host (reused across builds).
 */
record HostOutput(List<AviObject> objects, List<String> poolNames, List<ModelWarning> warnings, Set<IngressRef> ingresses,
                  String setName, List<String> headerValues) {
}
