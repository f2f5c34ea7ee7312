#!/bin/sh
# reco ARGS     the data team's CLI (Spark local mode unless --master says otherwise)
# submit ARGS   spark-submit reco to $SPARK_MASTER (spark://host:7077): submit train --publish ...
# master        a Spark standalone master (RPC 7077, UI 8080)
# worker URL    a Spark standalone worker of master URL ($SPARK_WORKER_CORES, $SPARK_WORKER_MEMORY)
set -eu
# The flags Spark needs on JDK 17+ (root pom's spark.jvm.flags).
FLAGS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
CP="/opt/eplly/recommender.jar:/opt/eplly/lib/*"
cmd="${1:-reco}"
[ $# -gt 0 ] && shift
case "$cmd" in
  reco)   exec java $FLAGS ${JAVA_OPTS:-} -cp "$CP" com.eplly.recommender.cli.RecoCli "$@" ;;
  submit) exec java $FLAGS ${JAVA_OPTS:-} -cp "$CP" org.apache.spark.deploy.SparkSubmit \
            --master "${SPARK_MASTER:?set SPARK_MASTER=spark://host:7077}" \
            --class com.eplly.recommender.cli.RecoCli /opt/eplly/recommender.jar "$@" ;;
  master) exec java $FLAGS -Dspark.master.rest.enabled=false -cp "/opt/eplly/lib/*" \
            org.apache.spark.deploy.master.Master --host "$(hostname)" --port 7077 --webui-port 8080 "$@" ;;
  worker) exec java $FLAGS -cp "/opt/eplly/lib/*" org.apache.spark.deploy.worker.Worker \
            --cores "${SPARK_WORKER_CORES:-1}" --memory "${SPARK_WORKER_MEMORY:-2g}" --webui-port 8081 "$@" ;;
  *) echo "usage: reco ARGS | submit ARGS | master | worker spark://host:7077" >&2; exit 2 ;;
esac
