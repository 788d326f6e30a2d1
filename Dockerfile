# ako-camel's container image. Build the jar first, then the image (no build happens inside it):
#   mvn -B package -DskipTests
#   docker build -t ako-camel:0.1.0 .
FROM eclipse-temurin:17-jre

# a fixed numeric uid/gid, so that Kubernetes can verify runAsNonRoot (the chart runs it as 10001)
RUN groupadd --system --gid 10001 akocamel \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin akocamel

# owned by root, so the process cannot change it; the chart also mounts the root filesystem read-only (writable: /tmp)
COPY --chown=root:root target/ako-camel.jar /app/ako-camel.jar

USER 10001:10001
WORKDIR /tmp
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ako-camel.jar"]
CMD ["run"]
