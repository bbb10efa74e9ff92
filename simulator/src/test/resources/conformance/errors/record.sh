#!/bin/sh
# Records gc's compile errors for every program here (Go 1.19):
# the output of `go build`, minus the "# command-line-arguments" header and the "./" path prefixes.
set -u
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then set -- $(ls *.go | sed 's/\.go$//'); fi
for n in "$@"; do
  go build -o "$tmp/$n" "$n.go" 2>"$tmp/$n.raw"
  sed -e '/^# command-line-arguments/d' -e 's|^\./||' -e 's|\t\./|\t|' "$tmp/$n.raw" >"$n.err"
done
