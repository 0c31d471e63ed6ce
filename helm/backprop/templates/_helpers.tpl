{{- define "backprop.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "backprop.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "backprop.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "backprop.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "backprop.selectorLabels" -}}
app.kubernetes.io/name: {{ include "backprop.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "backprop.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "backprop.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "backprop.apiKeysSecretName" -}}
{{- default (printf "%s-api-keys" (include "backprop.fullname" .)) .Values.auth.apiKeys.existingSecret }}
{{- end }}

{{/* Refuses values that would start a service nobody can call, or one that cannot check a token. */}}
{{- define "backprop.validateAuth" -}}
{{- $auth := .Values.auth }}
{{- if eq $auth.mode "api-keys" }}
{{- if and $auth.apiKeys.existingSecret $auth.apiKeys.keys }}
{{- fail "auth.apiKeys: set existingSecret or keys, not both" }}
{{- else if not (or $auth.apiKeys.existingSecret $auth.apiKeys.keys) }}
{{- fail "auth.mode=api-keys needs keys: set auth.apiKeys.existingSecret (a Secret of BACKPROP_AUTH_APIKEYS_<N>_TENANT, _ROLE, _SHA256) or auth.apiKeys.keys (a list of {tenant, role, sha256}); or set auth.mode=jwt, or auth.mode=none to run without authentication" }}
{{- end }}
{{- else if eq $auth.mode "jwt" }}
{{- if not (or $auth.jwt.issuerUri $auth.jwt.jwkSetUri) }}
{{- fail "auth.mode=jwt needs auth.jwt.issuerUri or auth.jwt.jwkSetUri" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "backprop.dataClaimName" -}}
{{- default (printf "%s-data" (include "backprop.fullname" .)) .Values.store.embedded.persistence.existingClaim }}
{{- end }}

{{/* The fewest pods the release runs: a disruption budget only helps when there are two or more. */}}
{{- define "backprop.minPods" -}}
{{- if .Values.autoscaling.enabled }}{{ int .Values.autoscaling.minReplicas }}{{ else }}{{ int .Values.replicaCount }}{{ end }}
{{- end }}

{{/* Refuses replicas that would not see each other's jobs, and an external store the pods cannot reach. */}}
{{- define "backprop.validateStore" -}}
{{- $store := .Values.store }}
{{- if not (has $store.type (list "memory" "embedded" "external")) }}
{{- fail (printf "store.type=%s is unknown: use embedded, external or memory" $store.type) }}
{{- end }}
{{- if ne $store.type "external" }}
{{- $where := ternary "in one pod's memory" "in one pod's PostgreSQL, on that pod's volume" (eq $store.type "memory") }}
{{- $advice := printf "with store.type=%s jobs live %s, so other pods would not see them; set store.type=external with a PostgreSQL that every pod shares (store.external.url, store.external.existingSecret)" $store.type $where }}
{{- if .Values.autoscaling.enabled }}
{{- fail (printf "autoscaling.enabled needs store.type=external: %s, or turn autoscaling off" $advice) }}
{{- else if gt (int .Values.replicaCount) 1 }}
{{- fail (printf "replicaCount=%d needs store.type=external: %s, or keep replicaCount=1" (int .Values.replicaCount) $advice) }}
{{- end }}
{{- else if not $store.external.url }}
{{- fail "store.type=external needs store.external.url (jdbc:postgresql://host:5432/database)" }}
{{- else if not $store.external.existingSecret }}
{{- fail "store.type=external needs store.external.existingSecret: a Secret holding the database password under store.external.passwordKey" }}
{{- end }}
{{- end }}
