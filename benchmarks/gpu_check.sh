#!/usr/bin/env bash
# The lab's GPU checks in one script, for a machine with CUDA and PyTorch but no package index.
#
#   bash benchmarks/gpu_check.sh [--wheels DIR] [--model-files DIR] [--out DIR] [--dry-run]
#
#   --wheels DIR       wheels of the pure-Python packages such images lack (datasets, dill, multiprocess,
#                      rouge-score, nltk, gguf, trl, papermill, ...); benchmarks/gpu_wheels.sh fills it here
#   --model-files DIR  the default model's config and tokenizer files (~4 MB, no weights): where the
#                      weights are not in the cache, a RANDOMLY INITIALISED model of that config is built
#                      in the lab's cache layout -- its speed and memory figures are real, its losses are not
#   --out DIR          where the one log goes (default: $OUT if set, else ./gpu-check)
#   --dry-run          the same steps on this machine with the tiny model and a few steps (CPU is fine)
#
# Steps: install the wheels; make sure a model is there; the CUDA-relevant tests; the host reads of a
# step, attributed (benchmarks/profile_syncs.py); `labutils bench
# train` (a)-(d) side by side at batch 16, then the lab's loop alone at a large batch; a `labutils
# train` of notebook 03's config. Budget: under 6 minutes on an H100/H200-class GPU.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WHEELS="" MODEL_FILES="" DRY=0 OUT_DIR="${OUT:-$ROOT/gpu-check}"
while [ $# -gt 0 ]; do
  case "$1" in
    --wheels) WHEELS=$2; shift 2 ;;
    --model-files) MODEL_FILES=$2; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    *) echo "gpu_check.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -z "$MODEL_FILES" ] && [ -n "$WHEELS" ] && MODEL_FILES="$WHEELS/model-files"  # where gpu_wheels.sh puts them
mkdir -p "$OUT_DIR"
LOG="$OUT_DIR/gpu_check.log"
exec > >(tee "$LOG") 2>&1
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
started=$(date +%s)
step() { echo; echo "=== [$(( $(date +%s) - started )) s] $*"; }

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
  MODEL=tiny STEPS=4 BATCH=4 BIG=8 TRAIN_OVERRIDES="model=tiny max_steps=3 train_limit=24 eval_limit=4"
else
  MODEL=smollm2-135m-instruct STEPS=20 BATCH=16 BIG=128 TRAIN_OVERRIDES=""
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

step "tests that touch the device (CPU tests skip nothing here; CUDA-only tests run)"
timeout 150 python3 -m pytest -q -x -m "not slow and not browser" -p no:cacheprovider \
  tests/test_train.py tests/test_runs.py tests/test_memory.py tests/test_bench_train.py tests/test_architecture.py \
  -k "not sigkill and not two_processes" || echo "TESTS FAILED (see above)"

step "host reads per training step, and where each comes from (tiny model)"
timeout 60 python3 benchmarks/profile_syncs.py --steps 4 --attribute || echo "PROFILE FAILED (see above)"

step "labutils bench train: (a)-(d) at batch $BATCH, side by side"
timeout 200 python3 -m labutils.cli bench train --model "$MODEL" --steps "$STEPS" --batch-size "$BATCH" \
  --methods a,b,c,d --no-write || echo "BENCH FAILED (see above)"

step "labutils bench train: the lab's loop alone at batch $BIG (MFU at a large batch)"
timeout 90 python3 -m labutils.cli bench train --model "$MODEL" --steps 8 --batch-size "$BIG" --methods a \
  --no-write || echo "BENCH (large batch) FAILED (see above)"

step "labutils train of notebook 03's config"
timeout 120 python3 -m labutils.cli train --config configs/full_ft_summarization.yaml $TRAIN_OVERRIDES \
  output_dir="$OUT_DIR/runs" progress=false --fresh || echo "TRAIN FAILED (see above)"

step "done in $(( $(date +%s) - started )) s; log: $LOG"
