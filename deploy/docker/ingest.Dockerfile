# eplly/ingest: the Boot jar built by `mvn -DskipTests package` (build context: the repository root).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 eplly && mkdir -p /data/lake && chown eplly /data/lake
COPY ingest/target/ingest-exec.jar /opt/eplly/ingest.jar
USER eplly
WORKDIR /opt/eplly
# actuator on the management port; ingest serves no other HTTP
EXPOSE 8091
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/eplly/ingest.jar"]
