"""The two install paths (pip and conda) name the same packages."""

import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the dev extra installs tomli, the same parser
    import tomli as tomllib

import yaml

from labutils import REPO_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pip_side = {_name(r): r for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    environment = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    pip_section = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    conda_side = {_name(r): r for r in pip_section if not r.startswith("-e")}
    assert conda_side.keys() == pip_side.keys(), (
        f"only in pyproject: {sorted(pip_side.keys() - conda_side.keys())}; "
        f"only in environment.yml: {sorted(conda_side.keys() - pip_side.keys())}")
    for name, requirement in pip_side.items():
        assert conda_side[name].replace(" ", "") == requirement.replace(" ", ""), name
    assert any(r.startswith("-e") and ".[dev]" in r for r in pip_section), "environment.yml must install the project"


def test_issue_packages_are_all_declared():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    declared = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    needed = {"torch", "transformers", "datasets", "peft", "accelerate", "gguf", "safetensors", "jinja2",
              "rouge-score", "pandas", "matplotlib", "ipywidgets", "jupyterlab", "ipykernel", "papermill",
              "tqdm", "pytest"}
    assert needed <= declared, sorted(needed - declared)
