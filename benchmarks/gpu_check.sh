#!/usr/bin/env bash
# The lab's GPU checks in one script, for a machine with CUDA and PyTorch but no package index.
#
#   bash benchmarks/gpu_check.sh [--wheels DIR] [--model-files DIR] [--out DIR] [--part core|compile] [--dry-run]
#
#   --wheels DIR       wheels of the pure-Python packages such images lack (datasets, dill, multiprocess,
#                      rouge-score, nltk, gguf, trl, papermill, ...); benchmarks/gpu_wheels.sh fills it here
#   --model-files DIR  the default model's config and tokenizer files (~4 MB, no weights): where the
#                      weights are not in the cache, a RANDOMLY INITIALISED model of that config is built
#                      in the lab's cache layout -- its speed and memory figures are real, its losses are not
#   --out DIR          where the log and the results go (default: $OUT if set, else ./gpu-check)
#   --part core        (default) the CUDA-relevant tests; `labutils bench train` (a)-(d) side by side at
#                      batch 16; the host reads of a step, with the device of each tensor read
#                      (benchmarks/profile_syncs.py); the lab's loop alone at the GPU default batch (scale: auto)
#                      and at the largest batch that fits, for MFU; a `labutils train` of notebook 03's config.
#                      Under 6 minutes.
#   --part compile     the lab's loop with and without `compile: true` side by side at the GPU default batch:
#                      warm-up, speed-up, and after how many steps it pays off (what `compile: auto` rests on).
#                      Under 4 minutes; a second call, so that a slow compile cannot cost the core figures.
#   --dry-run          the same steps on this machine with the tiny model and a few steps (CPU is fine)
#
# Every step has a time cap, and no step starts past the part's deadline, so the script always ends in time;
# a step cut short says so in the log. Files in the output folder: gpu_check-PART.log (everything printed) and
# gpu_results-PART.md (the benchmark sections, ready to append to benchmarks/RESULTS.md).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WHEELS="" MODEL_FILES="" DRY=0 PART=core OUT_DIR="${OUT:-$ROOT/gpu-check}"
while [ $# -gt 0 ]; do
  case "$1" in
    --wheels) WHEELS=$2; shift 2 ;;
    --model-files) MODEL_FILES=$2; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    --part) PART=$2; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    *) echo "gpu_check.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$PART" in
  core) DEADLINE=350 ;;     # seconds from the start: under 6 minutes, everything included
  compile) DEADLINE=230 ;;  # under 4 minutes
  *) echo "gpu_check.sh: --part must be core or compile, got $PART" >&2; exit 2 ;;
esac
[ -z "$MODEL_FILES" ] && [ -n "$WHEELS" ] && MODEL_FILES="$WHEELS/model-files"  # where gpu_wheels.sh puts them
mkdir -p "$OUT_DIR"
LOG="$OUT_DIR/gpu_check-$PART.log" RESULTS="$OUT_DIR/gpu_results-$PART.md"
exec > >(tee "$LOG") 2>&1
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
started=$(date +%s)
step() { echo; echo "=== [$(( $(date +%s) - started )) s] $*"; }
# run CAP CMD...: CMD with a time limit of CAP seconds or what is left before the deadline, whichever is less.
# Returns CMD's status; 124 when it was stopped at the limit (SIGTERM, then SIGKILL 10 s later), 3 when skipped.
run() {
  local cap=$1; shift
  local left=$(( DEADLINE - ($(date +%s) - started) ))
  [ "$left" -lt "$cap" ] && cap=$left
  if [ "$cap" -lt 15 ]; then echo "SKIPPED: ${left} s left before the ${DEADLINE} s deadline"; return 3; fi
  timeout -k 10 "$cap" "$@"
  local code=$?
  [ "$code" = 124 ] || [ "$code" = 137 ] && echo "STOPPED at its ${cap} s limit"
  return "$code"
}

step "packages"
if [ -n "$WHEELS" ]; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site "$WHEELS"/*.whl \
    || { echo "could not install the wheels in $WHEELS"; exit 1; }
  export PYTHONPATH="$ROOT:/tmp/site${PYTHONPATH:+:$PYTHONPATH}"
else
  export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
fi
python3 - <<'EOF'
import platform, torch, transformers
print(f"python {platform.python_version()}, torch {torch.__version__}, transformers {transformers.__version__}")
print("CUDA:", torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none")
EOF

if [ "$DRY" = 1 ]; then
  MODEL=tiny STEPS=4 BATCH=4 BIGS="16 8" TRAIN_OVERRIDES="model=tiny max_steps=3 train_limit=24 eval_limit=4"
else
  MODEL=smollm2-135m-instruct STEPS=20 BATCH=16 BIGS="256 128 64" TRAIN_OVERRIDES=""
  step "the default model"
  MODEL_FILES="$MODEL_FILES" python3 - <<'EOF' || exit 1
import os, shutil
from pathlib import Path
from labutils.default_model import _write_manifest, cache_is_valid, default_model_dir

folder = default_model_dir()
if cache_is_valid(folder):
    print(f"cached weights in {folder}: real losses")
else:
    source = Path(os.environ.get("MODEL_FILES") or "")
    if not (source / "config.json").is_file():
        raise SystemExit(f"no cached weights and no --model-files with config.json (got {source!s})")
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(source), dtype=torch.float32)
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder, safe_serialization=True)
    for item in source.iterdir():
        if item.name != "config.json" and not item.name.endswith(".safetensors"):
            shutil.copy(item, folder / item.name)
    _write_manifest(folder)
    print(f"RANDOMLY INITIALISED weights of the default model's config in {folder}: "
          "speed and memory figures only, the losses below mean nothing")
EOF
fi
# the batch notebook 03's config trains with here (scale: auto), computed by the lab itself
DEFAULT_BATCH=$(python3 -c "
from labutils.config import TrainConfig
print(TrainConfig.named('full_ft_summarization').batch_size)") || exit 1
echo "notebook 03's batch on this machine (scale: auto): $DEFAULT_BATCH"
BENCH=(python3 -m labutils.cli bench train --model "$MODEL" --results "$RESULTS")

if [ "$PART" = core ]; then  # the most wanted figures first: the deadline cuts the last steps, if any
  step "tests that touch the device (CPU tests skip nothing here; CUDA-only tests run)"
  run 60 python3 -m pytest -q -x -m "not slow and not browser" -p no:cacheprovider \
    tests/test_train.py tests/test_runs.py tests/test_memory.py tests/test_bench_train.py tests/test_architecture.py \
    -k "not sigkill and not two_processes" || echo "TESTS FAILED OR CUT SHORT (see above)"

  step "labutils bench train: (a)-(d) at batch $BATCH, side by side"
  run 180 "${BENCH[@]}" --steps "$STEPS" --batch-size "$BATCH" --methods a,b,c,d --worker-timeout 35 \
    || echo "BENCH FAILED OR CUT SHORT (see above)"

  step "host reads per training step, and the device of each tensor read (tiny model)"
  run 25 python3 benchmarks/profile_syncs.py --steps 4 --attribute || echo "PROFILE FAILED OR CUT SHORT (see above)"

  step "the lab's loop alone at notebook 03's batch here ($DEFAULT_BATCH): MFU at the default batch"
  run 40 "${BENCH[@]}" --steps 8 --batch-size "$DEFAULT_BATCH" --methods a || echo "BENCH (default batch) FAILED OR CUT SHORT"

  step "the lab's loop alone at the largest of these batches that fits: $BIGS"
  for big in $BIGS; do
    echo "--- batch $big"
    run 45 "${BENCH[@]}" --steps 6 --batch-size "$big" --methods a
    code=$?
    if [ "$code" = 0 ]; then echo "largest batch that fits: $big"; break; fi
    if [ "$code" != 1 ]; then echo "largest batch not determined: batch $big was stopped or skipped (status $code)"; break; fi
    echo "batch $big failed (out of memory? see its row above): trying the next"
  done

  step "labutils train of notebook 03's config"
  run 60 python3 -m labutils.cli train --config configs/full_ft_summarization.yaml $TRAIN_OVERRIDES \
    output_dir="$OUT_DIR/runs" progress=false --fresh || echo "TRAIN FAILED OR CUT SHORT (see above)"
else
  step "the lab's loop with and without compile: true at batch $DEFAULT_BATCH, side by side"
  # (a) first, then (ac) with what is left: a compile slower than that is recorded as such, (a)'s row kept
  run 200 "${BENCH[@]}" --steps "$(( DRY ? 3 : 30 ))" --batch-size "$DEFAULT_BATCH" --methods a,ac --worker-timeout 140 \
    || echo "BENCH (compile) FAILED OR CUT SHORT: a stopped (ac) says its warm-up exceeded 140 s"
fi

rm -rf "$OUT_DIR/runs"  # checkpoints: too big to bring back, and the log has their figures
step "done in $(( $(date +%s) - started )) s; log: $LOG; results: $RESULTS"
