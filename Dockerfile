# syntax=docker/dockerfile:1
# The image of every deployable of the distributed mode (docker-compose.yml builds each service with it): the layered
# Spring Boot -exec.jar of one Maven module on a JRE, run as a non-root user. Build the jars first, from the repository
# root, then the image of one module, e.g.:
#   ./mvnw -B package -DskipTests
#   docker build --build-arg SERVICE=inventory-context -t fulfillment/inventory-context .
FROM eclipse-temurin:17-jre AS layers
# the Maven module whose target/<module>-<version>-exec.jar becomes the image
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
# ./data (the working directory's) is where a deployable keeps files: the PSP sandbox its ledger (a volume in compose)
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system fulfillment \
    && useradd --system --gid fulfillment --home-dir /app --no-create-home fulfillment \
    && mkdir -p /app/data \
    && chown fulfillment:fulfillment /app/data
WORKDIR /app
# least-changing layers first: a code change rebuilds only the last layer
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER fulfillment
# every deployable listens on 8080 in its container: the environment beats the port any of their YAML files names
ENV SERVER_PORT=8080
EXPOSE 8080
# up and its stores reachable; compose asks the context services' readiness group instead
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=6 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
