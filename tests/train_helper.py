"""Fakes for the training tests, and a script to train in a subprocess.

The training tests hand ``train()`` a micro Llama (vocab 128, width 32) and synthetic
prompt/completion examples as arguments (:func:`micro_inputs`), so a step takes milliseconds
and the tests don't depend on the cached default model or the bundled data.

As a script (used by the kill-and-resume and 2-process tests)::

    python tests/train_helper.py '{"max_steps": 12, ...}' OUT.safetensors
    accelerate launch --num_processes 2 --cpu tests/train_helper.py '{...}' OUT.safetensors
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import labutils.train as train_module  # noqa: E402
from labutils.config import TrainConfig  # noqa: E402

VOCAB = 128


def micro_model(seed: int = 0):
    """A random 2-layer Llama, 32 wide, 128-token vocabulary; deterministic."""
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(vocab_size=VOCAB, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
                         tie_word_embeddings=True, pad_token_id=0, bos_token_id=1, eos_token_id=2)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = LlamaForCausalLM(config)
    model.config.name_or_path = "micro"
    return model


def fake_examples(n: int, *, seed: int = 0) -> list[dict]:
    """Prompt/completion examples: a random prompt, then a completion that copies part of it.

    Lengths vary (8..48 tokens) so that length grouping and padding matter; labels are -100
    on the prompt, like labutils.tokenization's output.
    """
    rng = random.Random(seed)
    examples = []
    for _ in range(n):
        prompt = [rng.randrange(3, VOCAB) for _ in range(rng.randint(5, 36))]
        completion = prompt[: rng.randint(2, 10)] + [2]
        ids = prompt + completion
        examples.append({"input_ids": ids, "labels": [-100] * len(prompt) + completion})
    return examples


def micro_inputs() -> dict:
    """What train() / get_or_train() take instead of loading a model and the bundled data."""
    return {"model": micro_model(), "train_examples": fake_examples(64, seed=1),
            "val_examples": fake_examples(16, seed=2)}


def base_config(tmp_path, **changes):
    """A fast config for the micro model; ``tmp_path`` is the runs root."""
    values = dict(model="micro", tasks=["summarization"], batch_size=4, grad_accum=1, lr=3e-3, max_steps=8,
                  warmup_steps=2, eval_limit=8, save_every=0, progress=False, precision="fp32",
                  output_dir=str(tmp_path), name="test")
    values.update(changes)
    return TrainConfig.from_dict(values)


def trainable_state(model) -> dict[str, torch.Tensor]:
    return {n: p.detach().clone() for n, p in model.named_parameters()}


class SleepEachStep:
    """Slows every step down (so a test can kill the process mid-run)."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def on_log(self, record):
        time.sleep(self.seconds)


if __name__ == "__main__":
    import os

    from accelerate import PartialState
    from safetensors.torch import save_file

    torch.set_num_threads(1)  # the same thread count in every process: bitwise-repeatable CPU kernels
    sleep = float(os.environ.get("LABUTILS_TEST_STEP_SLEEP", "0"))
    result = train_module.train(TrainConfig.from_dict(json.loads(sys.argv[1])),
                                callbacks=[SleepEachStep(sleep)] if sleep else None, **micro_inputs())
    if len(sys.argv) > 2 and PartialState().is_main_process:
        save_file({n: p.detach().contiguous() for n, p in result.model.named_parameters()}, sys.argv[2])
        Path(sys.argv[2] + ".history.json").write_text(json.dumps(result.history))
