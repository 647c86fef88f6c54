"""Plots the notebooks share: score bars, curves, loss curves (live too) and heatmaps.

Every function takes measured data (a DataFrame, a history list) and returns the matplotlib
figure, so a notebook cell can end on it and papermill keeps the image. Figures are closed before they
are returned, so Jupyter shows each one once.
"""

from __future__ import annotations

import matplotlib.pyplot as plt


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


def heatmap(matrix, *, title: str = "", cmap: str = "RdBu", fmt: str = "{:+.1f}", center: float = 0.0):
    """A labelled heatmap of a DataFrame (e.g. the forgetting matrix, in points)."""
    import numpy as np

    values = matrix.to_numpy(dtype=float)
    limit = max(1e-9, float(np.nanmax(np.abs(values - center))))
    fig, ax = plt.subplots(figsize=(1.4 * values.shape[1] + 2, 0.6 * values.shape[0] + 1.6))
    image = ax.imshow(values, cmap=cmap, vmin=center - limit, vmax=center + limit, aspect="auto")
    ax.set_xticks(range(values.shape[1]), [str(c) for c in matrix.columns])
    ax.set_yticks(range(values.shape[0]), [str(i) for i in matrix.index])
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if not np.isnan(values[i, j]):
                ax.text(j, i, fmt.format(values[i, j]), ha="center", va="center", fontsize=9)
    fig.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(title)
    fig.tight_layout()
    plt.close(fig)
    return fig
