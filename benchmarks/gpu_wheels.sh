#!/usr/bin/env bash
# Fill a folder (default .whl/, git-ignored) with what benchmarks/gpu_check.sh needs on a GPU machine
# that has CUDA, PyTorch and transformers but no package index: the lab's pure-Python dependencies as
# wheels for CPython 3.12, and the default model's config and tokenizer files (no weights).
#
#   bash benchmarks/gpu_wheels.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-.whl}
mkdir -p "$DIR"
case "$DIR" in  # a folder inside the checkout travels to the GPU machine only if git ignores it (and carry names it)
  /*) ;;
  *) grep -qx "/${DIR%/}/" .git/info/exclude 2>/dev/null || echo "/${DIR%/}/" >> .git/info/exclude ;;
esac
download() {
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
    --platform any -d "$DIR" "$@"
}
# Pinned: these versions passed `gpu_check.sh --dry-run` (both parts) on 2026-12-01 on a CPU with the GPU image's
# package versions (torch 2.11.0, transformers 5.17.0, huggingface_hub 1.33.0, accelerate 1.15.0, peft 0.21) on
# Python 3.11 (py311/cp311 builds of multiprocess and xxhash; the image is 3.12); a newer TRL or datasets may ask
# for a newer transformers than the image has, and --no-deps installs would not notice.
download datasets==5.2.0 dill==0.4.1 multiprocess==0.70.19 xxhash==4.1.0 nltk==3.10.4 gguf==0.19.0 trl==1.16.0 \
  papermill==2.7.0 nbclient==0.11.0 nbformat==5.11.1 ansicolors==1.1.8 tenacity==9.2.1 fastjsonschema==2.22.3 \
  jupyter_client==8.10.0 entrypoints==0.4.2
python3 -m pip wheel -q --no-deps -w "$DIR" rouge-score==0.1.2  # an sdist only: build its wheel here
# the default model's config and tokenizer (the weights, 538 MB, do not travel)
python3 - "$DIR" <<'EOF'
import shutil, sys
from pathlib import Path
from labutils.default_model import default_model_dir, fetch_default_model

fetch_default_model(progress=False)
target = Path(sys.argv[1]) / "model-files"
target.mkdir(exist_ok=True)
for item in default_model_dir().iterdir():
    if item.suffix != ".safetensors" and item.name != "labutils-manifest.json":
        shutil.copy(item, target / item.name)
print(f"model files: {sorted(p.name for p in target.iterdir())}")
EOF
du -sh "$DIR"
