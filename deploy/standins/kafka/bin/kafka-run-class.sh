#!/bin/bash
# kafka-run-class.sh CLASS ARGS: the release's launcher reduced to the class path and heap options.
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_OPTS:-} -cp "/opt/kafka/libs/*" "$@"
