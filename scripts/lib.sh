# Shared by the scripts: where things are, and building what is missing.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORKER_JAR="$ROOT/worker/target/mp4j-worker.jar"
PRODUCER_JAR="$ROOT/producer-cli/target/mp4j-producer.jar"
DASHBOARD_JAR="$ROOT/dashboard/target/mp4j-dashboard.jar"
RUN_DIR="${MP4J_RUN_DIR:-$ROOT/.run}"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed: $2"; }

# Builds the runnable jars (without tests) when one is missing or older than what goes into them:
# main sources, resources and poms. Test sources do not count: a test run that edits or compiles
# them must not make a script rebuild (and wipe the test classes of tests running beside it).
ensure_built() {
  need java "install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)"
  local jar stale=""
  for jar in "$WORKER_JAR" "$PRODUCER_JAR" "$DASHBOARD_JAR"; do
    if [ ! -f "$jar" ]; then stale=1; fi
  done
  if [ -z "$stale" ] && [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o -path '*/target' -prune -o \
        \( -path '*/src/main/*' -o -name 'pom.xml' \) -type f -newer "$WORKER_JAR" -print -quit)" ]; then
    stale=1
  fi
  if [ -n "$stale" ]; then
    need mvn "install Maven 3.8+ (e.g. apt-get install maven)"
    echo "building multiprocessing4j (scripts/build: mvn package, tests skipped)..." >&2
    "$ROOT/scripts/build" >&2 || die "build failed"
  fi
}

# True when something accepts TCP connections on host:port.
listening() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# host and port of AMQP_URI (default localhost:5672)
broker_host_port() {
  local uri="${AMQP_URI:-amqp://guest:guest@localhost:5672/%2F}" hostport
  hostport="${uri#*://}"; hostport="${hostport##*@}"; hostport="${hostport%%/*}"
  case "$hostport" in
    *:*) echo "${hostport%%:*} ${hostport##*:}" ;;
    *) case "$uri" in amqps://*) echo "$hostport 5671" ;; *) echo "$hostport 5672" ;; esac ;;
  esac
}
