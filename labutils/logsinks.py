"""Where training records go besides the run's ``history.jsonl``: TensorBoard, when asked.

``TrainConfig.log_to: [tensorboard]`` makes :func:`labutils.train.train` add a
:class:`TensorBoardSink` to its callbacks: every record the loop logs becomes TensorBoard
scalars under ``<run folder>/tensorboard/``, so one command shows every run side by side::

    pip install 'labutils[tensorboard]'
    tensorboard --logdir runs/

``history.jsonl`` stays the record the lab reads (report, plots, resume); the event files are a
copy of the same numbers for people who already read TensorBoard.
"""

from __future__ import annotations

from pathlib import Path

LOG_SINKS = ("tensorboard",)  # the values TrainConfig.log_to accepts
TENSORBOARD_FOLDER = "tensorboard"  # under the run folder

# history record key -> TensorBoard tag; other numeric keys of a validation record ("val_rouge1",
# the generation metric) become "validation/<name>".
TAGS = {"loss": "train/loss", "lr": "train/lr", "tokens_per_s": "train/tokens_per_s",
        "grad_norm": "train/grad_norm", "val_loss": "validation/loss"}


class TensorBoardSink:
    """A training callback (``on_log``/``on_eval``) writing each record as TensorBoard scalars.

    ``purge_step``: on resume, the first step trained again; TensorBoard's reader drops the
    events an interrupted run had written from that step on, as ``history.jsonl`` drops them.

    Example:
        >>> sink = TensorBoardSink("runs/demo/tensorboard")          # doctest: +SKIP
        >>> sink.on_log({"kind": "train", "step": 1, "loss": 2.5, "lr": 1e-4})  # doctest: +SKIP
        >>> sink.close()                                              # doctest: +SKIP
    """

    def __init__(self, folder: str | Path, *, purge_step: int | None = None):
        try:  # lazily: tensorboard is an optional extra, and heavy to import
            from torch.utils.tensorboard import SummaryWriter
        except ImportError as error:
            raise ImportError("log_to: [tensorboard] needs the tensorboard package: "
                              "pip install 'labutils[tensorboard]' (or pip install tensorboard)") from error
        self.writer = SummaryWriter(log_dir=str(folder), purge_step=purge_step)

    def _write(self, record: dict) -> None:
        for key, value in record.items():
            if key in ("step", "epoch") or isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            tag = TAGS.get(key) or (f"validation/{key[len('val_'):]}" if key.startswith("val_") else None)
            if tag:
                self.writer.add_scalar(tag, value, global_step=record["step"])
        self.writer.flush()  # once per logging interval: an interrupted run keeps what it logged

    def on_log(self, record: dict) -> None:
        self._write(record)

    def on_eval(self, record: dict) -> None:
        self._write(record)

    def close(self) -> None:
        self.writer.close()


def open_sinks(log_to: list[str], run_dir: str | Path, *, step: int = 0) -> list[TensorBoardSink]:
    """The callbacks ``log_to`` asks for, writing under ``run_dir``, for a run that starts after ``step``.

    Events an earlier attempt wrote after ``step`` (an interrupted run resumed from its checkpoint)
    are purged, as ``history.jsonl`` drops them.
    """
    return [TensorBoardSink(Path(run_dir) / TENSORBOARD_FOLDER, purge_step=step + 1)
            for sink in log_to if sink == "tensorboard"]
