# eplly/api: the Boot jar built by `mvn -DskipTests package` (build context: the repository root).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 eplly
COPY api/target/api-exec.jar /opt/eplly/api.jar
USER eplly
WORKDIR /opt/eplly
# public api on 8080, actuator on the management port 8082
EXPOSE 8080 8082
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/eplly/api.jar"]
