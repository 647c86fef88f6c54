"""benchmarks/bench_lora.py: both methods run in their own process and a table is appended, keeping the file.

The tiny model and 2 steps keep it to seconds of training; only structure and the orders of
magnitude that cannot be noise are checked (never timings).
"""

from __future__ import annotations

import json
import runpy
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_lora.py"


def test_bench_lora_appends_a_table_and_measures_both_methods(tmp_path):
    results_file = tmp_path / "RESULTS.md"
    earlier = "# Benchmark results\n\n## An earlier section\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    results_file.write_text(earlier)
    raw = tmp_path / "raw.json"
    main = runpy.run_path(str(BENCH))["main"]

    code = main(["--model", "tiny", "--steps", "2", "--batch-size", "2", "--max-length", "64", "--train-limit", "8",
                 "--eval-limit", "2", "--results", str(results_file), "--json", str(raw)])

    assert code == 0
    text = results_file.read_text()
    assert text.startswith(earlier)  # appended, nothing before it rewritten
    section = text[len(earlier):]
    assert "## LoRA vs full fine-tuning" in section and "load average" in section
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert [row.split("|")[1].strip() for row in rows] == ["method", "full fine-tuning", "LoRA", "LoRA / full"]
    assert all(len(row.split("|")) == len(rows[0].split("|")) for row in rows)

    measured = json.loads(raw.read_text())["results"]
    full, lora = measured["full"], measured["lora"]
    assert full["steps"] == lora["steps"] == 2 and full["precision"] == lora["precision"]
    assert 0 < lora["trainable_params"] < full["trainable_params"]
    # AdamW keeps two fp32 moments per trainable parameter (plus small step counters)
    for result in (full, lora):
        assert result["optimizer_state_bytes"] >= 2 * 4 * result["trainable_params"]
        assert result["optimizer_state_bytes"] < 3 * 4 * result["trainable_params"]
        assert result["peak_memory_bytes"] > 0 and result["median_step_s"] > 0 and result["tokens_per_s"] > 0
    assert 0 < lora["weights_bytes"] < full["weights_bytes"]  # the adapter, not the whole model
