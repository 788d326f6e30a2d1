/**
 * Pure: AKO's custom resources (HostRule, HTTPRule, AviInfraSetting of group {@code ako.vmware.com}) read as plain
 * values from fabric8's {@code GenericKubernetesResource}: which hosts a resource selects. Asked by the live cluster
 * view and the ingestion alike, so it imports nothing of the controller.
 */
package io.akocamel.crd;
