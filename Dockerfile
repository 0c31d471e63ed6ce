# syntax=docker/dockerfile:1
# Backprop's image: built with the project's Maven wrapper on JDK 25, run on a JDK 25 runtime as a fixed
# non-root user, with the layered jar of Spring Boot's docs and an AOT cache from a training run.
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

# Build: the wrapper and pom first, so that dependency downloads are cached apart from source changes.
# Tests run in CI, not in the image build.
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:resolve
COPY openapi openapi
COPY src src
RUN ./mvnw -B -ntp -q -Dmaven.test.skip=true -Dcodegen.skip=true package \
 && mv target/backprop-*.jar /backprop.jar

# Extract: Spring Boot's tools jar mode splits the jar into layers (dependencies change rarely, the
# application often), so image layers are reused across releases.
FROM ${RUNTIME_IMAGE} AS extract
WORKDIR /extract
COPY --from=build /backprop.jar backprop.jar
RUN java -Djarmode=tools -jar backprop.jar extract --layers --destination layers

# AOT cache: a training run starts the context and exits, recording the loaded and linked classes, so
# the service starts faster (JDK 25's AOT cache, -XX:AOTCacheOutput).
FROM ${RUNTIME_IMAGE} AS aot
WORKDIR /app
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
# (Jobs in memory for it: an image build has no room for a database server, which loads its classes at run time.)
RUN java -XX:AOTCacheOutput=backprop.aot -Dspring.context.exit=onRefresh --add-modules=jdk.incubator.vector -jar backprop.jar \
        --backprop.store.type=memory

# Run: a fixed non-root UID (10001, as the Helm chart's securityContext expects), heap sized from the
# container's memory limit, and an exit on OutOfMemoryError so that the orchestrator restarts the pod.
FROM ${RUNTIME_IMAGE}
RUN groupadd --gid 10001 backprop && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin backprop \
    && mkdir /data && chown 10001:10001 /data
WORKDIR /app
COPY --from=aot --chown=10001:10001 /app/ ./
USER 10001:10001
# A container is reachable from outside, so it asks for API keys unless told otherwise (the Helm chart sets it from auth.mode).
ENV BACKPROP_AUTH_MODE=api-keys
# Jobs are kept in the embedded PostgreSQL under /data: mount a volume there (-v backprop-data:/data) for them to outlive
# the container; the Helm chart mounts a PersistentVolumeClaim.
ENV BACKPROP_STORE_PATH=/data
EXPOSE 8080 8081
# The heap's share of the container's memory; the Helm chart sets it from jvm.maxRamPercentage.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75"
# Logs as JSON lines (Elastic Common Schema), one object per line, for the cluster's log collector.
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=backprop.aot", \
            "--add-modules=jdk.incubator.vector", "-jar", "backprop.jar"]
