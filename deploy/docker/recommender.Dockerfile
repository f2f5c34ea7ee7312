# eplly/recommender: recommender.jar + its Spark dependencies as built by `mvn -DskipTests package`
# (build context: the repository root). One image for the reco CLI, spark-submit, and a Spark
# standalone master or worker: $SPARK_HOME/jars is the same dependency folder, so executors get
# exactly the driver's jars.
FROM eclipse-temurin:17-jre
# /opt/spark/work: a standalone worker's application folders (executor logs, jars), written as eplly
RUN useradd --system --uid 10001 eplly && mkdir -p /data/lake /data/models /opt/spark/work \
    && chown eplly /data/lake /data/models /opt/spark/work
COPY recommender/target/lib /opt/eplly/lib
COPY recommender/target/recommender.jar /opt/eplly/recommender.jar
COPY deploy/docker/recommender-entrypoint.sh /opt/eplly/entrypoint.sh
RUN ln -s /opt/eplly/lib /opt/spark/jars
ENV SPARK_HOME=/opt/spark SPARK_SCALA_VERSION=2.13
USER eplly
WORKDIR /opt/eplly
EXPOSE 7077 8080 8081
ENTRYPOINT ["/opt/eplly/entrypoint.sh"]
CMD ["reco", "--help"]
