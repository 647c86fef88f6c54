"""labutils: what the lab's notebooks share.

Model loading (``models``), data and prompt templates (``data``, ``prompts``, ``tokenization``),
the training loop (``train``), evaluation (``evaluate``), memory accounting (``memory``), the runs
registry (``runs``), plots and widgets. Each notebook introduces one of these ideas; the module's
docstring points back to it.
"""

from pathlib import Path

__version__ = "0.1.0"

# The lab is used from a clone: data/, configs/, notebooks/ and benchmarks/ sit beside the package.
REPO_ROOT = Path(__file__).resolve().parents[1]
