#!/usr/bin/env bash
# Writes large seed inputs for the fuzzer's large job into DIR: the shapes that were once superlinear
# (suppression comments after a spec, a one-line config.json with many keys, a spec with many unknown keys,
# CR-only line ends, long lines).
set -euo pipefail
dir=${1:?usage: large-seeds.sh DIR}
mkdir -p "$dir"
spec=specs/llama-3-8b.yaml
{ cat "$spec"; for i in $(seq 1 2000); do echo "# archcalc: ignore[AC201] - reviewed"; done; } > "$dir/large-suppressions.yaml"
{ printf '{"model_type":"llama","hidden_size":4096'; for i in $(seq 1 6000); do printf ',"k%d":%d' "$i" "$i"; done; printf '}'; } > "$dir/large-oneline.json"
{ cat "$spec"; for i in $(seq 1 5000); do echo "unknown_key_$i: $i"; done; } > "$dir/large-unknown-keys.yaml"
tr '\n' '\r' < "$spec" > "$dir/large-cr-only.yaml"
{ cat "$spec"; printf 'name: "'; head -c 100000 /dev/zero | tr '\0' 'x'; printf '"\n'; } > "$dir/large-long-line.yaml"
