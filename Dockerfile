# syntax=docker/dockerfile:1
# Three images from one build: `--target worker`, `--target producer` and `--target dashboard` (docker compose picks them).

# ---- build: the command the scripts run (scripts/build) ----------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The Maven repository is a build cache: dependencies download once, not on every source change.
RUN --mount=type=cache,target=/root/.m2 scripts/build

# ---- runtime base: a slim JRE, a non-root user --------------------------------------------------
FROM eclipse-temurin:17-jre-alpine AS runtime
# A fixed group id: compose's generated broker password (volume mp4j-secrets) is readable by group 10001.
RUN addgroup -S -g 10001 mp4j && adduser -S -G mp4j -u 10001 mp4j
WORKDIR /app
# Puts the password from MP4J_BROKER_PASSWORD_FILE into AMQP_URI, then runs the command.
COPY --chmod=0755 scripts/container-entrypoint /app/entrypoint
USER mp4j
# Containers get their memory limit from the cgroup; leave headroom for threads and buffers.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"

# ---- worker: consumes jobs; SIGTERM (docker stop) = finish what is in hand, then exit -----------
FROM runtime AS worker
COPY --from=build /src/worker/target/mp4j-worker.jar /app/mp4j-worker.jar
ENTRYPOINT ["/app/entrypoint", "java", "-jar", "/app/mp4j-worker.jar"]

# ---- producer: the command line (default: the tutorial's examples) ------------------------------
FROM runtime AS producer
COPY --from=build /src/producer-cli/target/mp4j-producer.jar /app/mp4j-producer.jar
ENTRYPOINT ["/app/entrypoint", "java", "-jar", "/app/mp4j-producer.jar"]
CMD ["examples", "run", "--all"]

# ---- dashboard: the live web page on 8080 (inside the container every address: compose publishes it on 127.0.0.1) ----
FROM runtime AS dashboard
COPY --from=build /src/dashboard/target/mp4j-dashboard.jar /app/mp4j-dashboard.jar
EXPOSE 8080
ENTRYPOINT ["/app/entrypoint", "java", "-jar", "/app/mp4j-dashboard.jar", "--bind", "0.0.0.0", "--port", "8080"]
