#!/bin/sh
# Records the expected output of every conformance program with the real Go toolchain.
# Usage: ./record.sh [name ...]   (run from this directory; needs `go` 1.19 on PATH)
set -u
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then set -- $(ls *.go | sed 's/\.go$//'); fi
for name in "$@"; do
  if ! go build -o "$tmp/$name" "$name.go" 2>"$tmp/build.err"; then
    echo "build failed: $name" >&2; cat "$tmp/build.err" >&2; continue
  fi
  GOMAXPROCS=4 "$tmp/$name" >"$name.out" 2>"$tmp/$name.err"
  code=$?
  if [ "$code" -ne 0 ]; then echo "$code" >"$name.exit"; else rm -f "$name.exit"; fi
done
