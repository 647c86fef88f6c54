"""Smoke tests of the training benchmark's harness (benchmarks/bench_train.py) on the tiny model.

They check that every method trains, is measured and lands in the Markdown table, not how fast
anything is: timings on a shared CI machine mean nothing.
"""

from __future__ import annotations

import argparse
import re
import runpy

import pytest
import torch

from labutils import REPO_ROOT
from labutils.cli import main as labutils_main

SCRIPT = REPO_ROOT / "benchmarks" / "bench_train.py"
TINY = ["--model", "tiny", "--steps", "2", "--batch-size", "2", "--max-length", "256", "--train-limit", "8",
        "--eval-n", "2", "--matmul-size", "128"]


@pytest.fixture(scope="module")
def bench():
    return runpy.run_path(str(SCRIPT))


def table_rows(text: str) -> dict[str, list[str]]:
    """Method letter -> the cells of its row in the last table of ``text``."""
    rows = {}
    for line in text.splitlines():
        match = re.match(r"\| \(([abcd])\) ", line)
        if match:
            rows[match.group(1)] = [cell.strip() for cell in line.strip("|").split("|")]
    return rows


def test_all_methods_in_process_append_a_table(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\nearlier section\n")
    code = labutils_main(["bench", "train", *TINY, "--methods", "a,b,c,d", "--in-process", "--results", str(results)])
    assert code == 0
    text = results.read_text()
    assert text.startswith("# Benchmark results\n\nearlier section\n")  # appended, nothing lost
    assert "## Training: labutils loop vs HF Trainer vs TRL" in text
    assert "Machine: " in text and "load average" in text
    rows = table_rows(text)
    assert set(rows) == {"a", "b", "c", "d"}
    for method in "abc":
        tokens_per_s, step_s, padding, memory, loss, mfu = rows[method][1:7]
        assert float(tokens_per_s) > 0 and float(step_s) > 0 and float(memory) > 0
        assert 0 < float(loss) < 20  # a cross-entropy over a 49k vocabulary: at most ~ln(49152) = 10.8 + noise
        assert mfu.endswith("%")
        assert float(rows[method][8]) > 0  # non-pad tokens per CPU-second: the load-robust column
    # (b) pads every example to max_length: most of what it processes is padding; (a) pads (almost) nothing
    assert int(rows["b"][3].rstrip("%")) > int(rows["a"][3].rstrip("%"))
    if torch.cuda.is_available():  # a GPU is held to issue 12's targets: the best of (b)-(d), and MFU
        assert "(a) vs the best of (b), (c), (d), which is (" in text and "(a) MFU at batch 2: **" in text
    else:
        assert "(a) vs (b): **" in text and "(a) vs the better of (c), (d)" in text
    # (d) either ran or says why it was skipped (TRL not installed)
    assert rows["d"][1].startswith("skipped: ") or float(rows["d"][1]) > 0


def test_one_method_in_its_own_process(tmp_path):
    results = tmp_path / "RESULTS.md"
    code = labutils_main(["bench", "train", *TINY, "--methods", "a", "--results", str(results)])
    assert code == 0
    text = results.read_text()
    assert text.startswith("# Benchmark results")  # a new file gets the header
    assert set(table_rows(text)) == {"a"}
    memory = "cuda max_memory_allocated" if torch.cuda.is_available() else "peak RSS (VmRSS sampled every 5 ms)"
    assert memory in text  # the table says how memory was measured on this device
    assert "Only (a) ran: no ratios." in text


def test_a_worker_past_its_time_limit_is_recorded_and_the_table_still_written(tmp_path):
    results = tmp_path / "RESULTS.md"
    code = labutils_main(["bench", "train", *TINY, "--methods", "a", "--worker-timeout", "0.5", "--results", str(results)])
    assert code == 1  # a method failed
    row = table_rows(results.read_text())["a"]
    assert row[1].startswith("failed: stopped after 0.5 s (--worker-timeout)")


def test_a_stopped_benchmark_still_writes_what_it_measured(tmp_path):
    """SIGTERM (e.g. from `timeout` in benchmarks/gpu_check.sh) while a method runs: the section is written."""
    import signal
    import subprocess
    import sys

    results = tmp_path / "RESULTS.md"
    process = subprocess.Popen([sys.executable, str(SCRIPT), *TINY, "--methods", "a,b", "--results", str(results)],
                               stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    for line in process.stderr:  # wait until the first method is under way
        if "round 1, (a)" in line:
            break
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode == 1
    rows = table_rows(results.read_text())
    assert rows["b"][1].startswith("failed: not run or not finished: the benchmark was stopped")


def test_bad_options_are_refused(bench, capsys):
    with pytest.raises(argparse.ArgumentTypeError, match="choose from a,b,c,d,ac"):
        bench["parse_methods"]("a,e")
    assert bench["parse_methods"]("B, a,b") == ["b", "a"]
    assert bench["main"](["--steps", "1", "--no-write"]) == 2
    assert "--steps must be >= 2" in capsys.readouterr().err
    assert bench["main"](["--worker-timeout", "5", "--in-process", "--no-write"]) == 2
    assert "--worker-timeout needs a process per method" in capsys.readouterr().err


def test_verdict_states_ratios_and_targets(bench):
    def run(tokens_per_s, loss):
        return {"tokens_per_s": tokens_per_s, "final_loss": loss}

    lines = bench["verdict_lines"]({"a": run(300, 2.0), "b": run(100, 2.1), "c": run(250, 2.0), "d": run(200, 1.9)})
    assert "**3.00x**" in lines[0] and "target >= 3x: met" in lines[0]
    # the better tuned method is (c); 300/250 = 1.2 < 1.3
    assert "which is (c): **1.20x**" in lines[1] and "NOT met" in lines[1]
    # faster but with a clearly worse loss is not "met"
    lines = bench["verdict_lines"]({"a": run(400, 2.5), "b": run(100, 2.0)})
    assert "NOT met" in lines[0] and "worse by more than 0.05" in lines[0]


def test_gpu_verdict_uses_the_gpu_targets(bench):
    def run(tokens_per_s, loss, flops_per_s=0.0):
        return {"tokens_per_s": tokens_per_s, "final_loss": loss, "flops_per_s": flops_per_s}

    summaries = {"a": run(500, 2.0, flops_per_s=3.2e14), "b": run(260, 2.1), "c": run(120, 2.0), "d": run(170, 2.0)}
    lines = bench["verdict_lines"](summaries, gpu=True, peak=8e14, batch_size=16)
    # the best of all three is (b) here: 500 / 260 = 1.92 < 2
    assert "the best of (b), (c), (d), which is (b)" in lines[0] and "**1.92x**" in lines[0]
    assert "target >= 2x: NOT met" in lines[0]
    assert "MFU at batch 16: **40.0%**" in lines[1] and "reached at this one" in lines[1]
    assert not any("target >= 3x" in line for line in lines)  # the CPU targets are not the GPU's


def test_compile_line_compares_the_same_steps(bench):
    # benchmarks/RESULTS.md, "compile: true on a bf16 CPU", run 2: 16 steps of the same batches, eager and
    # compiled with a warm cache. The runs' own medians (steps 3-16: 3.76 vs 3.73 s) hide the speed-up; paired, it shows.
    eager = [6.39, 3.2, 6.38, 3.98, 3.32, 2.85, 5.75, 3.31, 5.26, 3.08, 3.79, 4.43, 3.31, 3.65, 8.06, 3.73]
    compiled = [59.63, 9.93, 4.64, 3.71, 2.85, 2.82, 4.52, 2.66, 4.55, 2.8, 3.7, 3.75, 3.81, 3.82, 5.76, 3.66]

    def run(times):
        return {"tokens_per_s": 1.0, "final_loss": 2.0, "step_times_s": times}

    line = bench["compile_line"](run(eager), run(compiled))
    assert "**1.09x** (median of 16 paired steps; faster in 12)" in line
    assert "0.275 s per step saved" in line and "warm-up 57 s" in line and "pays off after ~206 steps" in line
    slower = bench["compile_line"](run([1.0] * 6), run([30.0, 1.2, 1.2, 1.2, 1.2, 1.2]))
    assert "0.200 s per step lost" in slower and "never pays off" in slower
    lines = bench["verdict_lines"]({"a": run(eager), "ac": run(compiled)})
    assert any(line.startswith("- compile: (ac) vs (a)") for line in lines)


def test_model_flops_formula(bench):
    # one example of s tokens: 6*N*s + 12*n_layers*d_model*s^2
    assert bench["step_flops"]([10], n_matmul=1000, n_layers=2, d_model=8) == 6 * 1000 * 10 + 12 * 2 * 8 * 100
    assert bench["step_flops"]([10, 10], 1000, 2, 8) == 2 * bench["step_flops"]([10], 1000, 2, 8)
