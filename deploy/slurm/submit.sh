#!/bin/bash
# Submits the shards of a sweep as one job array and the merge as a job that waits for all of them.
#   deploy/slurm/submit.sh SWEEP.json OUT_DIR SHARDS
set -euo pipefail
if (( $# != 3 )); then echo "usage: $0 SWEEP.json OUT_DIR SHARDS" >&2; exit 1; fi
sweep="$1" out="$2" shards="$3"
here="$(cd "$(dirname "$0")" && pwd)"
array=$(sbatch --parsable --array="0-$(( shards - 1 ))" --export="ALL,SWEEP=$sweep,OUT=$out" "$here/sweep.sbatch")
array="${array%%;*}"   # --parsable prints "jobid[;cluster]"
merge=$(sbatch --parsable --dependency="afterok:$array" --export="ALL,OUT=$out" "$here/merge.sbatch")
echo "shards: job array $array (0-$(( shards - 1 ))); merge: job ${merge%%;*} -> $out/merged"
