"""Plots the notebooks share: score bars, curves, loss curves (live too) and heatmaps.

Every function takes measured data (a DataFrame, a history list) and returns the matplotlib
figure, so a notebook cell can end on it and papermill keeps the image. Figures are closed before they
are returned, so Jupyter shows each one once.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from labutils.widgets import in_browser


def bar_scores(table, *, title: str = "", ylabel: str = "score", ax=None):
    """Grouped bars: one group per row of ``table`` (a DataFrame), one bar per column."""
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(table.index) * max(1, len(table.columns)) / 2), 3.6))
    else:
        fig = ax.figure
    table.plot.bar(ax=ax, rot=0, width=0.8)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.set_xlabel("")
    ax.legend(fontsize=8, ncols=2, loc="best")
    for container in ax.containers:
        ax.bar_label(container, fmt="%.2f", fontsize=7, padding=1)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    plt.close(fig)
    return fig


def line(x, ys: dict, *, xlabel: str, ylabel: str, title: str = "", hline: tuple | None = None, ax=None):
    """One line per entry of ``ys`` (name -> values) against ``x``; ``hline=(y, label)`` marks a limit."""
    if ax is None:
        fig, ax = plt.subplots(figsize=(6, 3.4))
    else:
        fig = ax.figure
    for name, values in ys.items():
        ax.plot(x, values, marker="o", label=name)
    if hline is not None:
        ax.axhline(hline[0], color="crimson", linestyle="--", linewidth=1, label=hline[1])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


def heatmap(matrix, *, title: str = "", cmap: str = "RdBu", fmt: str = "{:+.1f}", center: float = 0.0,
            within_noise=None):
    """A labelled heatmap of a DataFrame (e.g. the forgetting matrix, in points).

    ``within_noise`` (a boolean DataFrame of the same shape, e.g. ``labutils.claims.noise_mask``)
    marks the cells whose 95% interval covers zero: their value is printed grey with a "≈".
    """
    import numpy as np

    noise = within_noise.reindex(index=matrix.index, columns=matrix.columns).to_numpy(dtype=bool) \
        if within_noise is not None else None

    values = matrix.to_numpy(dtype=float)
    limit = max(1e-9, float(np.nanmax(np.abs(values - center))))
    fig, ax = plt.subplots(figsize=(1.4 * values.shape[1] + 2, 0.6 * values.shape[0] + 1.6))
    image = ax.imshow(values, cmap=cmap, vmin=center - limit, vmax=center + limit, aspect="auto")
    ax.set_xticks(range(values.shape[1]), [str(c) for c in matrix.columns])
    ax.set_yticks(range(values.shape[0]), [str(i) for i in matrix.index])
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if not np.isnan(values[i, j]):
                quiet = noise is not None and noise[i, j]
                ax.text(j, i, ("≈ " if quiet else "") + fmt.format(values[i, j]), ha="center", va="center",
                        fontsize=9, color="dimgray" if quiet else "black")
    fig.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(title + ("\n(≈ grey: within noise, the 95% interval covers 0)" if noise is not None else ""),
                 fontsize=10)
    fig.tight_layout()
    plt.close(fig)
    return fig


def tradeoff(points, *, title: str = "", xlabel: str = "mean change on the other tasks (points)",
             ylabel: str = "gain on the target task (points)"):
    """Gain against forgetting, one point per training setting, with 95% intervals on both axes.

    ``points`` is a DataFrame indexed by a setting's label with columns ``method`` ("full" or
    "lora"), ``gain``, ``gain_low``, ``gain_high``, ``other``, ``other_low``, ``other_high`` and
    ``default`` (True for the notebook's default settings, drawn as stars). Up is more gain; right
    is less forgetting; the best settings sit top right.
    """
    fig, ax = plt.subplots(figsize=(7, 4.4))
    for method, color in (("full", "tab:red"), ("lora", "tab:blue")):
        part = points[points["method"] == method]
        if part.empty:
            continue
        ax.errorbar(part["other"], part["gain"], fmt="none", ecolor=color, alpha=0.5, capsize=3,
                    xerr=[part["other"] - part["other_low"], part["other_high"] - part["other"]],
                    yerr=[part["gain"] - part["gain_low"], part["gain_high"] - part["gain"]])
        for is_default, marker, size in ((False, "o", 40), (True, "*", 220)):
            chosen = part[part["default"] == is_default]
            ax.scatter(chosen["other"], chosen["gain"], color=color, marker=marker, s=size, zorder=3,
                       label=f"{'full fine-tuning' if method == 'full' else 'LoRA'}{' (default)' if is_default else ''}"
                       if not chosen.empty else None)
    for label, row in points.iterrows():
        ax.annotate(str(label), (row["other"], row["gain"]), fontsize=7, xytext=(4, 4), textcoords="offset points")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    plt.close(fig)
    return fig


def forgetting_bars(matrix, *, title: str = "", ylabel: str = "change against the base model (points)", ax=None):
    """Grouped bars of a forgetting matrix (rows = models, columns = tasks, values in points).

    One group per task, one bar per model, a line at zero: bars below it are tasks the model
    got worse at than the base model (forgetting), bars above it tasks it gained on.

    Example:
        >>> forgetting_bars(evaluate.forgetting_matrix(table), title="Change per task")  # doctest: +SKIP
    """
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(6, 1.5 * len(matrix.columns) + 1.2 * len(matrix.index)), 3.6))
    else:
        fig = ax.figure
    matrix.T.plot.bar(ax=ax, rot=0, width=0.8)  # transposed: tasks on the x axis, one bar per model
    ax.axhline(0, color="black", linewidth=0.8)
    for container in ax.containers:
        ax.bar_label(container, fmt="%+.1f", fontsize=7, padding=1)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.set_xlabel("")
    ax.legend(fontsize=8, loc="best")
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------------------
# Loss curves: after training, and live while it runs (notebook 03 introduces them)
# --------------------------------------------------------------------------------------


def _records(history):
    """The history records of a TrainResult, a run folder's list of records, or a list of records."""
    return list(getattr(history, "history", history) or [])


def loss_curves(history, *, title: str = "Training and validation loss", ax=None, label: str | None = None,
                logy: bool = False):
    """Train loss per step (line) and validation loss (dots) from a training history.

    ``history`` is a ``TrainResult``, a list of history records (``{"kind": "train", "step",
    "loss"}`` and ``{"kind": "val", "step", "val_loss"}``), or a dict ``{name: history}`` to
    overlay several runs (one colour each). ``label`` prefixes the legend entries of one run.

    Example:
        >>> loss_curves(result)                                      # doctest: +SKIP
        >>> loss_curves({"1 process": one, "2 processes": two})      # doctest: +SKIP
    """
    if ax is None:
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
    else:
        fig = ax.figure
    runs = history if isinstance(history, dict) else {label: history}
    for index, (name, run) in enumerate(runs.items()):
        records = _records(run)
        color = f"C{index}"
        prefix = f"{name}: " if name else ""
        train = [(r["step"], r["loss"]) for r in records if r.get("kind") == "train"]
        val = [(r["step"], r["val_loss"]) for r in records if r.get("kind") == "val" and r.get("val_loss") is not None]
        if train:
            ax.plot(*zip(*train), color=color, linewidth=1.2, alpha=0.85, label=f"{prefix}train loss")
        if val:
            ax.plot(*zip(*val), color=color, linestyle="--", marker="o", markersize=5, label=f"{prefix}validation loss")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("cross-entropy per completion token")
    if logy:
        ax.set_yscale("log")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    if ax.lines:
        ax.legend(fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


class LiveLossPlot:
    """A training callback that redraws the loss curves in place while ``train()`` runs.

    Pass it to ``train(config, callbacks=[live])`` (or ``get_or_train``). In a live notebook it
    shows one figure and replaces it at most every ``every_s`` seconds (redrawing a matplotlib
    figure costs ~0.1 s; every step would slow a fast GPU run); headless (papermill, scripts,
    ``LABUTILS_HEADLESS=1``) it draws nothing while training. Afterwards ``live.finish(result)``
    draws the final curves: in place in a live notebook (returns None), else it returns the
    figure, so a cell can end on it and papermill keeps one image.

    Example:
        >>> live = LiveLossPlot(title="full fine-tuning")
        >>> result = train(config, callbacks=[live])                 # doctest: +SKIP
        >>> live.finish(result)                                      # doctest: +SKIP
    """

    def __init__(self, *, title: str = "Training and validation loss", every_s: float = 5.0, live: bool | None = None):
        self.title = title
        self.every_s = every_s
        self.live = in_browser() if live is None else live
        self.history: list[dict] = []
        self._handle = None
        self._last_draw = 0.0

    # -- the two callback methods train() calls -------------------------------------------
    def on_log(self, record: dict) -> None:
        self.history.append(dict(record))
        self._maybe_draw()

    def on_eval(self, record: dict) -> None:
        self.history.append(dict(record))
        self._maybe_draw()

    # -- drawing ---------------------------------------------------------------------------
    def _maybe_draw(self) -> None:
        import time

        if not self.live or time.monotonic() - self._last_draw < self.every_s:
            return
        self._last_draw = time.monotonic()
        self._show(self.history, title=f"{self.title} (live)")

    def _show(self, history, *, title: str) -> None:
        from IPython.display import display

        figure = loss_curves(history, title=title)
        if self._handle is None:
            self._handle = display(figure, display_id=True)
        else:
            self._handle.update(figure)

    def finish(self, result=None):
        """Draw the final curves (from ``result``'s full history if given): in place live, else return them."""
        history = _records(result) if result is not None else self.history
        if self.live and self._handle is not None:
            self._show(history, title=self.title)
            return None
        return loss_curves(history, title=self.title)
