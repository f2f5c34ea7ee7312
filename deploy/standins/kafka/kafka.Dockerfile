# Stand-in for apache/kafka:4.1.2 (test only, see ../README.md): the Kafka 4.1.2 jars from Maven
# Central (target/libs of ./pom.xml) on the eclipse-temurin:17-jre stand-in, with the official
# image's contract: /opt/kafka/bin scripts, KAFKA_* variables as server.properties, CLUSTER_ID,
# storage formatted on first start, runs as appuser, volume /var/lib/kafka/data, port 9092.
# Build context: deploy/standins/kafka.
FROM eclipse-temurin:17-jre
RUN useradd --create-home --shell /bin/bash appuser \
    && mkdir -p /opt/kafka/bin /opt/kafka/config /var/lib/kafka/data /etc/kafka/docker \
    && chown -R appuser /opt/kafka/config /var/lib/kafka
COPY target/libs /opt/kafka/libs
COPY bin /opt/kafka/bin
COPY run /etc/kafka/docker/run
COPY server.properties /etc/kafka/docker/server.properties
USER appuser
VOLUME ["/var/lib/kafka/data"]
EXPOSE 9092
CMD ["/etc/kafka/docker/run"]
