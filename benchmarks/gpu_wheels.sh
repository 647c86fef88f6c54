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
grep -qx "/$DIR/" .git/info/exclude 2>/dev/null || echo "/$DIR/" >> .git/info/exclude
download() {
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
    --platform any -d "$DIR" "$@"
}
download datasets dill multiprocess xxhash nltk gguf trl papermill nbclient nbformat ansicolors tenacity \
  fastjsonschema jupyter_client entrypoints
python3 -m pip wheel -q --no-deps -w "$DIR" rouge-score  # an sdist only: build its wheel here
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
