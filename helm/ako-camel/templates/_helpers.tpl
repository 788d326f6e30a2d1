{{/* Names are AKO's (StatefulSet ako, ServiceAccount ako-sa, ClusterRole ako-cr, ...) so AKO's docs and habits apply. */}}

{{- define "ako-camel.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ako-camel.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ako-camel.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "ako-camel.labels" -}}
{{ include "ako-camel.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "ako-camel.image" -}}
{{- printf "%s:%s" .Values.akoCamel.image.repository (default .Chart.AppVersion .Values.akoCamel.image.tag | toString) -}}
{{- end -}}

{{/* A value as a quoted string, as AKO writes its ConfigMap: lists and maps as JSON, nothing (null) as "". */}}
{{- define "ako-camel.string" -}}
{{- if kindIs "invalid" . -}}
""
{{- else if or (kindIs "slice" .) (kindIs "map" .) -}}
{{ toJson . | quote }}
{{- else -}}
{{ toString . | quote }}
{{- end -}}
{{- end -}}

{{- define "ako-camel.isTrue" -}}
{{- if eq (toString .) "true" }}true{{ end -}}
{{- end -}}

{{/*
The data of ConfigMap avi-k8s-config: AKO's keys and values. ako-camel reads the keys its SettingKey enum names
(SettingKey.configMapKey); the others are kept so that tools written for AKO find them.
*/}}
{{- define "ako-camel.configMapData" -}}
{{- $ako := .Values.AKOSettings -}}
{{- $net := .Values.NetworkSettings -}}
{{- $l7 := .Values.L7Settings -}}
{{- $l4 := .Values.L4Settings -}}
{{- $ctrl := .Values.ControllerSettings -}}
primaryInstance: {{ include "ako-camel.string" $ako.primaryInstance }}
controllerIP: {{ include "ako-camel.string" $ctrl.controllerHost }}
controllerVersion: {{ include "ako-camel.string" $ctrl.controllerVersion }}
cniPlugin: {{ include "ako-camel.string" $ako.cniPlugin }}
shardVSSize: {{ include "ako-camel.string" $l7.shardVSSize }}
passthroughShardSize: {{ include "ako-camel.string" $l7.passthroughShardSize }}
fullSyncFrequency: {{ include "ako-camel.string" $ako.fullSyncFrequency }}
cloudName: {{ include "ako-camel.string" $ctrl.cloudName }}
clusterName: {{ include "ako-camel.string" $ako.clusterName }}
servicesAPI: {{ include "ako-camel.string" $ako.servicesAPI }}
enableEVH: {{ include "ako-camel.string" $ako.enableEVH }}
layer7Only: {{ include "ako-camel.string" $ako.layer7Only }}
vipPerNamespace: {{ include "ako-camel.string" $ako.vipPerNamespace }}
tenantName: {{ include "ako-camel.string" $ctrl.tenantName }}
vrfName: {{ include "ako-camel.string" $ctrl.vrfName }}
dedicatedTenantMode: {{ include "ako-camel.string" $ctrl.dedicatedTenantMode }}
defaultDomain: {{ include "ako-camel.string" (default $l4.defaultDomain $net.defaultDomain) }}
disableStaticRouteSync: {{ include "ako-camel.string" $ako.disableStaticRouteSync }}
defaultIngController: {{ include "ako-camel.string" $l7.defaultIngController }}
defaultLBController: {{ include "ako-camel.string" $l4.defaultLBController }}
noPGForSNI: {{ include "ako-camel.string" $l7.noPGForSNI }}
enableRHI: {{ include "ako-camel.string" $net.enableRHI }}
nsxtT1LR: {{ include "ako-camel.string" $net.nsxtT1LR }}
enableEvents: {{ include "ako-camel.string" $ako.enableEvents }}
logLevel: {{ include "ako-camel.string" $ako.logLevel }}
deleteConfig: {{ include "ako-camel.string" $ako.deleteConfig }}
autoFQDN: {{ include "ako-camel.string" $l4.autoFQDN }}
nsSyncLabelKey: {{ include "ako-camel.string" $ako.namespaceSelector.labelKey }}
nsSyncLabelValue: {{ include "ako-camel.string" $ako.namespaceSelector.labelValue }}
serviceType: {{ include "ako-camel.string" $l7.serviceType }}
{{- if eq (toString $l7.serviceType) "NodePort" }}
nodeKey: {{ include "ako-camel.string" .Values.nodePortSelector.key }}
nodeValue: {{ include "ako-camel.string" .Values.nodePortSelector.value }}
{{- end }}
serviceEngineGroupName: {{ include "ako-camel.string" $ctrl.serviceEngineGroupName }}
bgpPeerLabels: {{ include "ako-camel.string" (default list $net.bgpPeerLabels) }}
nodeNetworkList: {{ include "ako-camel.string" (default list $net.nodeNetworkList) }}
vipNetworkList: {{ include "ako-camel.string" (default list $net.vipNetworkList) }}
apiServerPort: {{ include "ako-camel.string" (default 8080 $ako.apiServerPort) }}
enableMCI: {{ include "ako-camel.string" $l7.enableMCI }}
blockedNamespaceList: {{ include "ako-camel.string" (default list $ako.blockedNamespaceList) }}
ipFamily: {{ include "ako-camel.string" $ako.ipFamily }}
istioEnabled: {{ include "ako-camel.string" $ako.istioEnabled }}
useDefaultSecretsOnly: {{ include "ako-camel.string" $ako.useDefaultSecretsOnly }}
vpcMode: {{ include "ako-camel.string" $ako.vpcMode }}
enablePrometheus: {{ include "ako-camel.string" .Values.featureGates.EnablePrometheus }}
fqdnReusePolicy: {{ include "ako-camel.string" $l7.fqdnReusePolicy }}
akoCRDOperatorEnabled: {{ include "ako-camel.string" (index .Values "ako-crd-operator" "enabled") }}
{{- end -}}

{{/*
Environment variables read from avi-k8s-config, with AKO's names (SettingKey.env). As in AKO, layer7Only, noPGForSNI,
logLevel, deleteConfig and enableEvents are not among them: they are read from the ConfigMap itself, so that an edit
of the ConfigMap is never shadowed by a stale environment variable.
*/}}
{{- define "ako-camel.configMapEnv" -}}
CTRL_IPADDRESS: controllerIP
CTRL_VERSION: controllerVersion
CNI_PLUGIN: cniPlugin
SHARD_VS_SIZE: shardVSSize
PASSTHROUGH_SHARD_SIZE: passthroughShardSize
FULL_SYNC_INTERVAL: fullSyncFrequency
CLOUD_NAME: cloudName
TENANT_NAME: tenantName
VRF_NAME: vrfName
CLUSTER_NAME: clusterName
DEFAULT_DOMAIN: defaultDomain
DISABLE_STATIC_ROUTE_SYNC: disableStaticRouteSync
NAMESPACE_SYNC_LABEL_KEY: nsSyncLabelKey
NAMESPACE_SYNC_LABEL_VALUE: nsSyncLabelValue
DEFAULT_ING_CONTROLLER: defaultIngController
SEG_NAME: serviceEngineGroupName
NODE_NETWORK_LIST: nodeNetworkList
VIP_NETWORK_LIST: vipNetworkList
AKO_API_PORT: apiServerPort
SERVICE_TYPE: serviceType
BLOCKED_NS_LIST: blockedNamespaceList
{{- if eq (toString .Values.L7Settings.serviceType) "NodePort" }}
NODE_KEY: nodeKey
NODE_VALUE: nodeValue
{{- end }}
{{- end -}}

{{/* ako-camel's own settings as environment variables, AKO_CAMEL_<SettingKey name> (see SettingKey). */}}
{{- define "ako-camel.akoCamelEnv" -}}
{{- $c := .Values.akoCamel -}}
AKO_CAMEL_INSECURE: {{ include "ako-camel.string" $c.controllerInsecureSkipVerify }}
AKO_CAMEL_LEGACY_CLASS_ANNOTATION: {{ include "ako-camel.string" $c.honourLegacyIngressClassAnnotation }}
AKO_CAMEL_INGRESS_CLASS_NAME: {{ include "ako-camel.string" $c.ingressClassName }}
AKO_CAMEL_WORKERS: {{ include "ako-camel.string" $c.workers }}
AKO_CAMEL_AVI_SESSIONS: {{ include "ako-camel.string" $c.aviSessions }}
AKO_CAMEL_DEBOUNCE_MILLIS: {{ include "ako-camel.string" $c.debounceMillis }}
AKO_CAMEL_MAX_DEBOUNCE_MILLIS: {{ include "ako-camel.string" $c.maxDebounceMillis }}
AKO_CAMEL_CALL_TIMEOUT_SECONDS: {{ include "ako-camel.string" $c.callTimeoutSeconds }}
AKO_CAMEL_RETRY_INITIAL_MILLIS: {{ include "ako-camel.string" $c.retry.initialDelayMillis }}
AKO_CAMEL_RETRY_MAX_MILLIS: {{ include "ako-camel.string" $c.retry.maxDelayMillis }}
AKO_CAMEL_RETRY_MAX_ATTEMPTS: {{ include "ako-camel.string" $c.retry.maxAttempts }}
AKO_CAMEL_RETRY_SLOW_SECONDS: {{ include "ako-camel.string" $c.retry.slowRetrySeconds }}
AKO_CAMEL_RESYNC_SECONDS: {{ include "ako-camel.string" $c.kubernetesResyncSeconds }}
AKO_CAMEL_LOG_FORMAT: {{ include "ako-camel.string" $c.logFormat }}
AKO_CAMEL_BRAKE_MAX_SHARE: {{ include "ako-camel.string" $c.deletionBrake.maxShare }}
AKO_CAMEL_BRAKE_MIN_OBJECTS: {{ include "ako-camel.string" $c.deletionBrake.minObjects }}
AKO_CAMEL_LEASE_DURATION: {{ include "ako-camel.string" $c.leaderElection.leaseDuration }}
AKO_CAMEL_RENEW_DEADLINE: {{ include "ako-camel.string" $c.leaderElection.renewDeadline }}
AKO_CAMEL_RETRY_PERIOD: {{ include "ako-camel.string" $c.leaderElection.retryPeriod }}
AKO_CAMEL_REQUIRE_DNS_PROFILE: {{ include "ako-camel.string" $c.preflight.requireDnsProfile }}
AKO_CAMEL_ROUTES_RELOAD: {{ include "ako-camel.string" $c.routes.reload }}
{{- end -}}

{{/* The route files: the shipped files/routes/*.camel.yaml, then akoCamel.routes.files (same name replaces, "" drops). */}}
{{- define "ako-camel.routeFiles" -}}
{{- $files := dict -}}
{{- range $path, $_ := .Files.Glob "files/routes/*.camel.yaml" -}}
{{- $_ := set $files (base $path) (toString ($.Files.Get $path)) -}}
{{- end -}}
{{- range $name, $content := .Values.akoCamel.routes.files -}}
{{- $_ := set $files $name (toString $content) -}}
{{- end -}}
{{- range $name, $content := $files -}}
{{- if not $content -}}
{{- $_ := unset $files $name -}}
{{- end -}}
{{- end -}}
{{- toYaml $files -}}
{{- end -}}

{{/* Port of the management server (health, metrics): AKO's apiServerPort. */}}
{{- define "ako-camel.managementPort" -}}
{{- default 8080 .Values.AKOSettings.apiServerPort | int -}}
{{- end -}}

{{/*
Every key of values.yaml this chart knows. A key listed here is not descended into (free-form maps such as resources
are listed whole). Keep it in step with values.yaml: ChartNotesTest fails when a default key is reported.
*/}}
{{- define "ako-camel.knownValueKeys" -}}
- featureGates.GatewayAPI
- featureGates.EnablePrometheus
- replicaCount
- image.repository
- image.pullPolicy
- image.pullSecrets
- GatewayAPI
- AKOSettings.primaryInstance
- AKOSettings.enableEvents
- AKOSettings.logLevel
- AKOSettings.fullSyncFrequency
- AKOSettings.apiServerPort
- AKOSettings.deleteConfig
- AKOSettings.disableStaticRouteSync
- AKOSettings.clusterName
- AKOSettings.cniPlugin
- AKOSettings.enableEVH
- AKOSettings.layer7Only
- AKOSettings.namespaceSelector.labelKey
- AKOSettings.namespaceSelector.labelValue
- AKOSettings.servicesAPI
- AKOSettings.vipPerNamespace
- AKOSettings.istioEnabled
- AKOSettings.blockedNamespaceList
- AKOSettings.ipFamily
- AKOSettings.useDefaultSecretsOnly
- AKOSettings.vpcMode
- NetworkSettings.nodeNetworkList
- NetworkSettings.enableRHI
- NetworkSettings.nsxtT1LR
- NetworkSettings.bgpPeerLabels
- NetworkSettings.vipNetworkList
- NetworkSettings.defaultDomain
- L7Settings.defaultIngController
- L7Settings.noPGForSNI
- L7Settings.serviceType
- L7Settings.shardVSSize
- L7Settings.passthroughShardSize
- L7Settings.enableMCI
- L7Settings.fqdnReusePolicy
- L4Settings.defaultLBController
- L4Settings.defaultDomain
- L4Settings.autoFQDN
- ControllerSettings.serviceEngineGroupName
- ControllerSettings.controllerVersion
- ControllerSettings.cloudName
- ControllerSettings.controllerHost
- ControllerSettings.tenantName
- ControllerSettings.vrfName
- ControllerSettings.dedicatedTenantMode
- nodePortSelector.key
- nodePortSelector.value
- resources
- securityContext
- podSecurityContext
- rbac.pspEnable
- avicredentials.username
- avicredentials.password
- avicredentials.authtoken
- avicredentials.certificateAuthorityData
- persistentVolumeClaim
- mountPath
- logFile
- akoGatewayLogFile
- ako-crd-operator
- nodeSelector
- tolerations
- affinity
- nameOverride
- fullnameOverride
- akoCamel.image.repository
- akoCamel.image.tag
- akoCamel.image.pullPolicy
- akoCamel.ingressClassName
- akoCamel.honourLegacyIngressClassAnnotation
- akoCamel.controllerInsecureSkipVerify
- akoCamel.workers
- akoCamel.aviSessions
- akoCamel.debounceMillis
- akoCamel.maxDebounceMillis
- akoCamel.callTimeoutSeconds
- akoCamel.retry.initialDelayMillis
- akoCamel.retry.maxDelayMillis
- akoCamel.retry.maxAttempts
- akoCamel.retry.slowRetrySeconds
- akoCamel.kubernetesResyncSeconds
- akoCamel.logFormat
- akoCamel.deletionBrake.maxShare
- akoCamel.deletionBrake.minObjects
- akoCamel.leaderElection.leaseDuration
- akoCamel.leaderElection.renewDeadline
- akoCamel.leaderElection.retryPeriod
- akoCamel.preflight.requireDnsProfile
- akoCamel.routes.reload
- akoCamel.management.metricsEnabled
- akoCamel.monitoring.serviceMonitor.enabled
- akoCamel.monitoring.serviceMonitor.interval
- akoCamel.monitoring.serviceMonitor.labels
- akoCamel.monitoring.prometheusRule.enabled
- akoCamel.monitoring.prometheusRule.labels
- akoCamel.monitoring.grafanaDashboard.enabled
- akoCamel.monitoring.grafanaDashboard.namespace
- akoCamel.monitoring.grafanaDashboard.labels
- akoCamel.jmx.enabled
- akoCamel.jmx.port
- akoCamel.jvmOptions
- akoCamel.routes.files
{{- end -}}

{{/*
AKO keys ako-camel accepts but does not act on, with the value that means "feature off" (AKO's default). The notes
list the ones set to anything else. Keep them equal to values.yaml: ChartNotesTest fails when a default is reported.
*/}}
{{- define "ako-camel.ignoredAkoKeys" -}}
featureGates.GatewayAPI: false
AKOSettings.primaryInstance: true
AKOSettings.enableEVH: false
AKOSettings.servicesAPI: false
AKOSettings.vipPerNamespace: "false"
AKOSettings.istioEnabled: false
AKOSettings.ipFamily: ""
AKOSettings.useDefaultSecretsOnly: "false"
AKOSettings.vpcMode: false
NetworkSettings.enableRHI: false
NetworkSettings.nsxtT1LR: ""
NetworkSettings.bgpPeerLabels: []
L7Settings.enableMCI: "false"
L7Settings.fqdnReusePolicy: InterNamespaceAllowed
L4Settings.defaultLBController: "true"
L4Settings.autoFQDN: default
ControllerSettings.dedicatedTenantMode: false
rbac.pspEnable: false
persistentVolumeClaim: ""
{{- end -}}

{{/* A scalar as text, a list or map as JSON, nothing as "": for comparing values whatever way they were written. */}}
{{- define "ako-camel.normalised" -}}
{{- if kindIs "invalid" . -}}
{{- else if or (kindIs "slice" .) (kindIs "map" .) -}}{{ toJson . }}
{{- else -}}{{ toString . }}
{{- end -}}
{{- end -}}

{{/* The value at a dotted path of .root, normalised. */}}
{{- define "ako-camel.valueAt" -}}
{{- $value := .root -}}
{{- range splitList "." .path -}}
{{- if kindIs "map" $value -}}
{{- $value = index $value . -}}
{{- else -}}
{{- $value = nil -}}
{{- end -}}
{{- end -}}
{{- include "ako-camel.normalised" $value -}}
{{- end -}}

{{/* One line per ignored AKO key set to something other than its "off" value. */}}
{{- define "ako-camel.ignoredKeysSet" -}}
{{- $root := .Values -}}
{{- range $path, $off := include "ako-camel.ignoredAkoKeys" . | fromYaml -}}
{{- if ne (include "ako-camel.valueAt" (dict "root" $root "path" $path)) (include "ako-camel.normalised" $off) }}
{{ $path }}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* One line per key of .values (under .prefix) that is not in .known. */}}
{{- define "ako-camel.unknownKeysUnder" -}}
{{- $known := .known -}}
{{- $prefix := .prefix -}}
{{- range $key, $value := .values -}}
{{- $path := printf "%s%s" $prefix $key -}}
{{- if not (has $path $known) -}}
{{- $isParent := false -}}
{{- range $known -}}
{{- if hasPrefix (printf "%s." $path) . -}}{{- $isParent = true -}}{{- end -}}
{{- end -}}
{{- if and $isParent (kindIs "map" $value) -}}
{{- include "ako-camel.unknownKeysUnder" (dict "values" $value "prefix" (printf "%s." $path) "known" $known) -}}
{{- else }}
{{ $path }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "ako-camel.unknownKeys" -}}
{{- include "ako-camel.unknownKeysUnder" (dict "values" .Values "prefix" "" "known" (include "ako-camel.knownValueKeys" . | fromYamlArray)) -}}
{{- end -}}
