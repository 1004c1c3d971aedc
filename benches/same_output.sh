#!/bin/sh
# Whether two factcheck binaries give byte-identical output on the scale benchmark's
# datasets: the check for a change meant only to be faster.
#
#   FACTCHECK_SCALE_GENERATE_ONLY=1 cargo bench --bench scale -- 100000
#   benches/same_output.sh OLD_BINARY NEW_BINARY [SIZE...]
#
# Compares `check --format json` (every finding, with its locations and identity) and
# `report --format json` (every fact, its statuses and support); prints nothing and exits 0
# when they are the same, else shows where they differ and exits 1.
set -eu
old=$1
new=$2
shift 2
[ $# -gt 0 ] || set -- 100000
root=$(cd "$(dirname "$0")/.." && pwd)/target/bench-data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for size in "$@"; do
    dir=$root/scale-$size
    [ -d "$dir" ] || { echo "no dataset $dir: generate it first" >&2; exit 2; }
    for job in "check --format json --fail-on never" "report --format json"; do
        name=$(echo "$job" | cut -d' ' -f1)
        (cd "$dir" && "$old" $job >"$tmp/old" 2>"$tmp/old.err") || true
        (cd "$dir" && "$new" $job >"$tmp/new" 2>"$tmp/new.err") || true
        if ! cmp -s "$tmp/old" "$tmp/new" || ! cmp -s "$tmp/old.err" "$tmp/new.err"; then
            echo "$name at $size claims differs:" >&2
            diff "$tmp/old" "$tmp/new" | head -20 >&2
            diff "$tmp/old.err" "$tmp/new.err" | head -5 >&2
            status=1
        fi
    done
done
exit $status
