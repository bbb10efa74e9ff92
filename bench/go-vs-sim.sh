#!/usr/bin/env bash
# Speed benchmark of issue 3: 1,000,000 goroutines, each sim.Work(2µs), joined by a WaitGroup,
# at GOMAXPROCS 4 (examples/bench/million/main.go) — on real Go and on the simulator
# (`gmplab run`), on this machine. Reports both wall times (best of RUNS), CPU times, the ratio,
# and the interpreter's instructions per second (examples/bench/loop/main.go: at the default
# 1 ns of virtual time per VM instruction, the loop's virtual time is its instruction count).
#
# Usage: bench/go-vs-sim.sh [RUNS]   (default 3; needs go 1.19 on PATH and a JDK)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

./gmplab --help >/dev/null            # builds the simulator if needed (not timed)
(cd examples && CGO_ENABLED=0 go build -trimpath -o "$tmp/" ./bench/million ./bench/loop)

# time CMD... → "wall_s user_s sys_s" on stdout (the command's own output goes to $tmp/out, $tmp/err)
timed() {
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || {
    echo "failed: $*" >&2; cat "$tmp/err" >&2; exit 1; }
  cat "$tmp/time"
}
best() { # best wall time of $runs runs of CMD..., printed as "wall user sys"
  local b=""
  for _ in $(seq "$runs"); do
    local t; t=$(timed "$@")
    if [ -z "$b" ] || awk -v a="${t%% *}" -v c="${b%% *}" 'BEGIN{exit !(a<c)}'; then b=$t; fi
  done
  echo "$b"
}

echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3-4), $(java -version 2>&1 | head -1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), best of $runs runs"
echo

real=$(GOMAXPROCS=4 best "$tmp/million")
grep -q '^done 1000000$' "$tmp/out"
echo "real Go  (GOMAXPROCS=4 million):      wall ${real%% *} s   user+sys $(awk '{print $2+$3}' <<<"$real") s   ($(cat "$tmp/err"))"

cat > "$tmp/hello.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hi") }
GO
start=$(best ./gmplab run "$tmp/hello.go")
echo "simulator start-up (hello.go):         wall ${start%% *} s   (JVM start + compile; included below)"

sim=$(GOMAXPROCS=4 best ./gmplab run examples/bench/million/main.go)
grep -q '^done 1000000$' "$tmp/out"
echo "simulator (gmplab run million):       wall ${sim%% *} s   user+sys $(awk '{print $2+$3}' <<<"$sim") s   (virtual $(cat "$tmp/err"))"
awk -v s="${sim%% *}" -v r="${real%% *}" -v st="${start%% *}" 'BEGIN {
  printf "ratio simulator/real Go (wall):       %.2f   (without start-up: %.2f)\n", s/r, (s-st)/r }'

loop=$(best ./gmplab run examples/bench/loop/main.go)
vns=$(sed -n 's/^virtual_ns: //p' "$tmp/err")
awk -v w="${loop%% *}" -v st="${start%% *}" -v n="$vns" 'BEGIN {
  printf "interpreter (loop.go): %d instructions in %.2f s wall (%.2f s without start-up): %.1f M instructions/s (%.1f M/s incl. start-up)\n",
    n, w, w-st, n/(w-st)/1e6, n/w/1e6 }'
reall=$(best "$tmp/loop")
echo "real Go (loop.go):                    wall ${reall%% *} s"
