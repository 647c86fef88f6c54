"""The ``labutils`` command: one entry point for what the notebooks do, from a terminal.

    labutils fetch-model                     # put the default model in the cache (offline afterwards)
    labutils generate --prompt "Classify the sentiment: I loved it."
    labutils eval --model smollm2-135m-instruct --task sentiment --limit 50 --json
    labutils train --config configs/smoke.yaml lr=1e-4
    labutils run --smoke                     # every notebook, headless, plus a report
    labutils bench train|eval|lora           # speed and memory benchmarks -> benchmarks/RESULTS.md
"""

from __future__ import annotations

import argparse
import importlib
import runpy
import sys

from labutils import REPO_ROOT


def _cmd_fetch_model(args) -> int:
    from labutils.models import fetch_default_model

    folder = fetch_default_model(force=args.force)
    print(folder)
    return 0


def _cmd_generate(args) -> int:
    from labutils.evaluate import generate
    from labutils.models import load_model
    from labutils.prompts import as_model_input

    model, tokenizer = load_model(args.model)
    prompt = args.prompt if args.no_chat else as_model_input(tokenizer, args.prompt)
    [answer] = generate(model, tokenizer, [prompt], max_new_tokens=args.max_new_tokens,
                        do_sample=args.temperature > 0, temperature=args.temperature or 1.0,
                        seed=args.seed, progress=False)
    print(answer)
    return 0


def _delegate(module: str, function: str):
    """Run ``module.function(args)``: the subcommand lives beside the code it drives."""

    def run(args) -> int:
        return getattr(importlib.import_module(module), function)(args) or 0

    return run


def _cmd_bench(args) -> int:
    script = REPO_ROOT / "benchmarks" / f"bench_{args.which}.py"
    if not script.is_file():
        print(f"labutils bench: {script} not found. Benchmarks run from a clone of the lab's repository.",
              file=sys.stderr)
        return 2
    namespace = runpy.run_path(str(script))
    return namespace["main"](args.rest) or 0


def build_parser() -> argparse.ArgumentParser:
    from labutils.models import DEFAULT_MODEL

    parser = argparse.ArgumentParser(prog="labutils", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    fetch = commands.add_parser("fetch-model", help="download and convert the embedded default model into the cache")
    fetch.add_argument("--force", action="store_true", help="rebuild the cache even if it looks fine")
    fetch.set_defaults(func=_cmd_fetch_model)

    gen = commands.add_parser("generate", help="answer one prompt with a model")
    gen.add_argument("--model", default=DEFAULT_MODEL, help=f"model name, folder or hub id (default {DEFAULT_MODEL})")
    gen.add_argument("--prompt", required=True, help="the text to answer")
    gen.add_argument("--max-new-tokens", type=int, default=64, help="length limit of the answer (default 64)")
    gen.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default); > 0 samples")
    gen.add_argument("--seed", type=int, default=0, help="seed for sampling")
    gen.add_argument("--no-chat", action="store_true", help="send the prompt as plain text, without the chat template")
    gen.set_defaults(func=_cmd_generate)

    ev = commands.add_parser("eval", help="score a model on a task")
    from labutils.evaluate import add_eval_arguments

    add_eval_arguments(ev)
    ev.set_defaults(func=_delegate("labutils.evaluate", "cli_eval"))

    tr = commands.add_parser("train", help="fine-tune a model from a YAML config")
    from labutils.train import add_train_arguments

    add_train_arguments(tr)
    tr.set_defaults(func=_delegate("labutils.train", "cli_train"))

    run = commands.add_parser("run", help="execute every notebook headless and write a report")
    from labutils.runner import add_run_arguments

    add_run_arguments(run)
    run.set_defaults(func=_delegate("labutils.runner", "cli_run"))

    bench = commands.add_parser("bench", help="benchmarks that append to benchmarks/RESULTS.md")
    bench.add_argument("which", choices=["train", "eval", "lora"], help="what to measure")
    bench.add_argument("rest", nargs=argparse.REMAINDER, help="options passed to the benchmark (see its --help)")
    bench.set_defaults(func=_cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (ValueError, RuntimeError, FileNotFoundError) as error:
        # Our own errors carry actionable messages; show them without a traceback.
        if not getattr(args, "traceback", False) and type(error).__module__.startswith("labutils"):
            print(f"labutils {args.command}: {error}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
