# eplly/api: the Boot jar built by `mvn -DskipTests package` (build context: the repository root).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 eplly
COPY api/target/api-exec.jar /opt/eplly/api.jar
USER eplly
WORKDIR /opt/eplly
# public api on 8080, actuator on the management port 8082
EXPOSE 8080 8082
# 60 % of the memory limit for the heap: a reader's export runs DuckDB off the heap (its native
# library, ~60 MB, and up to eplly.lake.memory-limit, 128 MB) next to metaspace and thread stacks.
# ParallelGC: a 1 GiB container with less than 2 CPUs would get SerialGC, which costs 0.6-1.8 ms at
# p99 and 2.4-5.2 ms at p99.9 (docs/serving.md, bench-api --gc).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+UseParallelGC", "-jar", "/opt/eplly/api.jar"]
