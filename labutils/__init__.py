"""labutils: what the lab's notebooks share.

Task facts (``tasks``), model loading (``models``, ``default_model``, ``device``), data and
prompt templates (``data``, ``templates``, ``prompts``, ``tokenization``), the training loop
(``config``, ``train``, ``rundir``), evaluation (``metrics``, ``evaluate``), the runs registry
(``runs``), memory accounting (``memory``), plots and widgets. Each notebook introduces one of
these ideas; the module's docstring points back to it. The README's layout section lists the
layers; ``tests/test_architecture.py`` keeps the imports pointing down.
"""

from pathlib import Path

__version__ = "0.1.0"

# The lab is used from a clone: data/, configs/, notebooks/ and benchmarks/ sit beside the package.
REPO_ROOT = Path(__file__).resolve().parents[1]
