#!/usr/bin/env bash
# Builds what the all-in-one process needs and starts it: every context on embedded stores, data under ./data.
# Needs only Java 17+; the Maven Wrapper downloads Maven on first use.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests -pl all-in-one -am package
exec java ${JAVA_OPTS:-} -jar all-in-one/target/all-in-one-exec.jar "$@"
