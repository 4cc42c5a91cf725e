#!/usr/bin/env bash
# Builds what the all-in-one process needs and starts it: every context on embedded stores, data under ./data.
# Needs only Java 17+; the Maven Wrapper downloads Maven on first use. The build is skipped when no file it reads (the
# POMs, the Maven Wrapper, the sources of the modules the process is made of) changed since the jar was built;
# FULFILLMENT_BUILD=always forces it.
#
# For a fast start the jar is run extracted (plain jars load classes faster than nested ones) with a class-data-sharing
# archive trained once per build (Spring Boot's CDS recipe); both live in all-in-one/target/launch. JAVA_OPTS replaces
# the JVM options, which by default cap the heap at 512 MiB and compile with the client compiler (C1) alone: on two
# cores that is ready in about 7 s instead of 11–13 s, at the same order throughput within the noise, with a slower
# read-model replay (measured: docs/performance.md, "The launcher's compiler"; ADR 0021). FULFILLMENT_BUILD=never starts what was built last without looking for
# changes (benchmarks/startup.sh).
set -euo pipefail
cd "$(dirname "$0")"
jar=all-in-one/target/all-in-one-exec.jar
modules=(contracts chassis order-command order-query inventory-context payment-context shipping-context psp-sandbox
  api-gateway all-in-one)
inputs=(pom.xml mvnw .mvn "${modules[@]/%//pom.xml}" "${modules[@]/%//src}")
# directories count too: deleting a file changes its directory
if [[ ${FULFILLMENT_BUILD:-} == never ]]; then
  [[ -f $jar ]] || { echo "FULFILLMENT_BUILD=never, but nothing was built yet ($jar)" >&2; exit 1; }
elif [[ ${FULFILLMENT_BUILD:-} != always && -f $jar && -z $(find "${inputs[@]}" -newer "$jar" -print -quit 2>/dev/null) ]]
then
  echo "No change since the last build: skipping it (FULFILLMENT_BUILD=always forces one)."
else
  echo "Building (./mvnw package, tests skipped)..."
  ./mvnw -B -q -DskipTests -pl all-in-one -am package
fi
launch=all-in-one/target/launch
if [[ ! -f $launch/all-in-one-exec.jar || $jar -nt $launch/all-in-one-exec.jar ]]; then
  rm -rf "$launch"
  java -Djarmode=tools -jar "$jar" extract --destination "$launch" > /dev/null
  echo "Training the class-data-sharing archive (once per build, about 20 s)..."
  training_data=$(mktemp -d)
  java -XX:ArchiveClassesAtExit="$launch/app.jsa" -Dspring.context.exit=onRefresh \
    -jar "$launch/all-in-one-exec.jar" --fulfillment.data-dir="$training_data" \
    > "$launch/training.log" 2>&1 || echo "CDS training failed (see $launch/training.log); starting without it"
  rm -rf "$training_data"
fi

cds=()
if [[ -f $launch/app.jsa ]]; then
  cds=(-XX:SharedArchiveFile="$launch/app.jsa")
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${cds[@]+"${cds[@]}"} ${JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1} -jar "$launch/all-in-one-exec.jar" "$@"
