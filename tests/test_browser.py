"""The interactive path, checked the way a learner uses it: JupyterLab in a real (headless) browser.

The test starts JupyterLab on loopback (random free port, random token) over a temporary copy of
notebook 01, opens it in Debian's Chromium driven by Playwright, runs only the cells the "Try it
yourself" panel needs (running the whole notebook takes minutes), then changes two controls and
checks that the panel's output redraws for the new choice. A screenshot of the panel is kept as a
test artifact: ``$LABUTILS_ARTIFACTS/browser_widget.png`` (default ``runs/artifacts/`` in the repo).

The notebook copy gets a parameters cell injected the way papermill does: ``smoke = True`` and the
``tiny`` model, so the test checks the interactive path in well under a minute; set
``LABUTILS_BROWSER_MODEL=smollm2-135m-instruct`` for real answers in the screenshot (slower).

Needs: ``apt-get install chromium`` and ``pip install playwright`` (the pip wheel carries its driver;
no ``playwright install``: we use the system browser; ``LABUTILS_CHROMIUM`` names another binary).
Skipped, with the reason, when either is missing. Run it alone with ``pytest -m browser``.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "01_zero_few_shot.ipynb"
CHROMIUM = Path(os.environ.get("LABUTILS_CHROMIUM", "/usr/bin/chromium"))

# Smoke settings and, by default, the tiny random-init model: this test checks the interactive
# path, not answers, and the default model's first summarization draw alone can take minutes on a
# busy 2-core machine. LABUTILS_BROWSER_MODEL=smollm2-135m-instruct shows real answers instead.
BROWSER_MODEL = os.environ.get("LABUTILS_BROWSER_MODEL", "tiny")
INJECTED_PARAMETERS = (f"# Injected by tests/test_browser.py, as papermill would\n"
                       f"smoke = True\nmodel = {BROWSER_MODEL!r}\n")

# The cells the widget needs, found by a snippet of their source (not by position, so editing the
# notebook's prose does not break the test). In notebook order: parameters, injected parameters,
# smoke settings, imports and the model (lm, tokenizer, load_task, prompts, evaluate, seed), the
# example row the prompt-style cell prints, and the prompt styles (TASKS); then the panel itself.
SETUP_CELLS = ["smoke = False", "Injected by tests/test_browser.py", "if smoke:", "lm, tokenizer = load_model(",
               "example = test[0]", "TASKS = "]
WIDGET_CELL = "panel(show_answer"

# Generous: the CI machine has 2 cores and is often busy with other work.
SERVER_START_S = 120
PAGE_READY_MS = 120_000
CELL_RUN_MS = 180_000
REDRAW_MS = 120_000

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# JupyterLab user settings for the test server only. "none" windowing keeps every cell in the DOM
# (the default may leave off-screen cells unrendered); no news / update checks (offline machine).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
}


def _free_port() -> int:
    """A TCP port that is free on loopback right now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _api(base: str, token: str, path: str, method: str = "GET"):
    request = urllib.request.Request(f"{base}{path}", method=method,
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        return json.loads(body) if body else None


def _tail(path: Path, n: int = 40) -> str:
    lines = path.read_text(errors="replace").splitlines() if path.exists() else []
    return "\n".join(lines[-n:])


@pytest.fixture(scope="module")
def jupyter_server(tmp_path_factory):
    """JupyterLab over a temporary copy of the notebook; yields (base_url, token, root_dir)."""
    tmp = tmp_path_factory.mktemp("jupyter")
    root = tmp / "root"
    (root / "notebooks").mkdir(parents=True)
    # A copy, so JupyterLab's autosave and checkpoints never touch the committed notebook; with a
    # parameters cell injected after the notebook's own, the way papermill (and `labutils run`) do.
    notebook = json.loads((REPO / "notebooks" / NOTEBOOK).read_text())
    tagged = [i for i, cell in enumerate(notebook["cells"]) if "parameters" in cell["metadata"].get("tags", [])]
    assert len(tagged) == 1, f"notebooks/{NOTEBOOK} must have exactly one cell tagged 'parameters'"
    notebook["cells"].insert(tagged[0] + 1, {
        "cell_type": "code", "execution_count": None, "metadata": {"tags": ["injected-parameters"]},
        "outputs": [], "source": INJECTED_PARAMETERS})
    (root / "notebooks" / NOTEBOOK).write_text(json.dumps(notebook, indent=1))
    settings_dir = tmp / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        (settings_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (settings_dir / name).write_text(json.dumps(values))

    env = dict(os.environ)
    # conftest.py sets LABUTILS_HEADLESS=1 for the test process; the kernel must see a live front
    # end, or labutils.widgets.panel prints once instead of showing controls.
    env.pop("LABUTILS_HEADLESS", None)
    # Private Jupyter config/data/runtime dirs: a developer's own settings or kernels stay out.
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[var] = str(tmp / var.lower())

    port, token = _free_port(), secrets.token_hex(16)
    log = tmp / "jupyter.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings_dir}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
    ]
    with open(log, "wb") as log_file:
        # A new session: the finalizer can signal the server and anything it started as one group.
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {server.returncode} before answering; "
                            f"its log ({log}):\n{_tail(log)}")
            try:
                _api(base, token, "/api/status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer on {base} within {SERVER_START_S} s; "
                                f"its log ({log}):\n{_tail(log)}")
                time.sleep(0.5)
        yield base, token, root
    finally:
        _stop_server(server, base, token)


def _stop_server(server: subprocess.Popen, base: str, token: str) -> None:
    """Shut the kernels down through the API (they run in their own process groups), then the server."""
    if server.poll() is None:
        try:
            for kernel in _api(base, token, "/api/kernels") or []:
                _api(base, token, f"/api/kernels/{kernel['id']}", method="DELETE")
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass  # best effort: the server's own shutdown stops its kernels too
    for sig, wait_s in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        if server.poll() is not None:
            break
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    """A Playwright page in Debian's headless Chromium, with a fresh profile."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` "
                    "(or point LABUTILS_CHROMIUM at a Chromium binary)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: `pip install playwright` "
                                      "(the wheel carries its driver; the browser is the system Chromium)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000})
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def _artifact_dir() -> Path:
    folder = Path(os.environ.get("LABUTILS_ARTIFACTS") or REPO / "runs" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _cell_index(sources: list[str], snippet: str) -> int:
    matches = [i for i, source in enumerate(sources) if snippet in source]
    if len(matches) != 1:
        raise AssertionError(f"notebooks/{NOTEBOOK}: expected exactly one code cell containing {snippet!r}, "
                             f"found {len(matches)}; update SETUP_CELLS / WIDGET_CELL in {Path(__file__).name}")
    return matches[0]


def _run_cell(page, cell, label: str) -> str:
    """Select ``cell``, run it with Shift+Enter, wait for its execution count; return its output text."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    prompt = cell.locator(".jp-InputArea-prompt")
    # The prompt reads "[ ]:" before a run, "[*]:" while queued or running, "[3]:" when done.
    for _ in range(3):
        cell.scroll_into_view_if_needed()
        cell.locator(".jp-InputPrompt").click()  # selects the cell, command mode
        page.keyboard.press("Shift+Enter")
        try:  # On a busy machine the first key press can land before the notebook has focus: retry.
            page.wait_for_function("el => !el.textContent.includes('[ ]')", arg=prompt.element_handle(),
                                   timeout=15_000)
            break
        except PlaywrightTimeout:
            continue
    else:
        raise AssertionError(f"cell {label!r} never started: Shift+Enter left its prompt at {prompt.inner_text()!r}")
    try:
        page.wait_for_function("el => /\\[\\d+\\]/.test(el.textContent)", arg=prompt.element_handle(),
                               timeout=CELL_RUN_MS)
    except PlaywrightTimeout as error:
        raise AssertionError(f"cell {label!r} did not finish within {CELL_RUN_MS / 1000:.0f} s "
                             f"(prompt {prompt.inner_text()!r})") from error
    text = cell.locator(".jp-Cell-outputWrapper").inner_text()
    assert "Traceback" not in text, f"cell {label!r} of {NOTEBOOK} failed in the browser:\n{text[-3000:]}"
    return text


def _wait_for_kernel_idle(base: str, token: str) -> None:
    """Wait until the server reports the notebook's kernel started and idle."""
    deadline = time.monotonic() + PAGE_READY_MS / 1000
    states = []
    while time.monotonic() < deadline:
        states = [kernel["execution_state"] for kernel in _api(base, token, "/api/kernels")]
        if "idle" in states:
            return
        time.sleep(0.5)
    raise AssertionError(f"no idle kernel within {PAGE_READY_MS / 1000:.0f} s (kernel states: {states})")


def _wait_for_output(page, area, needle: str, label: str) -> str:
    t0 = time.monotonic()
    try:
        page.wait_for_function("([el, s]) => el.innerText.includes(s)", arg=[area.element_handle(), needle],
                               timeout=REDRAW_MS)
    except Exception as error:  # Playwright's TimeoutError (or a detached view): show what the panel printed
        raise AssertionError(f"{label}: the panel's output never showed {needle!r}; it shows:\n"
                             f"{area.inner_text()[-2000:]}") from error
    print(f"  {label}: {needle!r} after {time.monotonic() - t0:.1f} s", flush=True)
    return area.inner_text()


def _check_panel(page, widget) -> None:
    """The panel shows live controls; changing the task, then the example, redraws its output."""
    # The first view of the panel (its controls and the Output widget below them).
    view = widget.locator(".jp-OutputArea-output").filter(has=page.locator(".widget-dropdown")).first
    task = view.locator(".widget-dropdown select")
    task.wait_for(timeout=REDRAW_MS)  # live controls, not the headless print-once fallback
    sliders = view.locator(".widget-slider")
    assert sliders.count() == 3, f"expected the example, shots and temperature sliders, found {sliders.count()}"
    output = view.locator(".widget-output, .jupyter-widgets-output-area").first
    first = _wait_for_output(page, output, "REFERENCE:", "first draw")
    assert "[summarization #0," in first, first

    # Control 1: the task dropdown. The panel must redraw for a sentiment example.
    task.select_option("sentiment")
    _wait_for_output(page, output, "[sentiment #0,", "after choosing task=sentiment")
    second = _wait_for_output(page, output, "REFERENCE:", "after choosing task=sentiment")
    assert "[summarization" not in second, second
    assert second.strip().splitlines()[-1].split()[-1] in ("positive", "negative"), second

    # Control 2: the "example" slider, moved one step with the keyboard as a learner could.
    sliders.filter(has_text="example").locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    _wait_for_output(page, output, "[sentiment #1,", "after moving the example slider")
    third = _wait_for_output(page, output, "REFERENCE:", "after moving the example slider")
    assert "[sentiment #0," not in third, third


def test_widget_panel_redraws_in_jupyterlab(browser_page, jupyter_server):
    base, token, root = jupyter_server
    page = browser_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    notebook = json.loads((root / "notebooks" / NOTEBOOK).read_text())
    sources = ["".join(cell["source"]) if cell["cell_type"] == "code" else "" for cell in notebook["cells"]]
    setup = [(_cell_index(sources, snippet), snippet) for snippet in SETUP_CELLS]
    widget_index = _cell_index(sources, WIDGET_CELL)
    assert [i for i, _ in setup] == sorted(i for i, _ in setup) and setup[-1][0] < widget_index, \
        f"the setup cells {SETUP_CELLS} must come in this order, before the widget cell"

    started = time.monotonic()
    shot = _artifact_dir() / "browser_widget.png"
    try:
        timings = _drive_notebook(page, base, token, sources, setup, widget_index)
    finally:
        # Kept on failure too: the picture usually says at once what went wrong. (A failing
        # screenshot must not hide the error that brought us here.)
        with contextlib.suppress(Exception):
            page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000, f"{shot} looks empty"
    assert not errors, f"JavaScript errors in JupyterLab: {errors}"
    # Last, so the checks above still say whether the panel itself works.
    views = page.locator(".jp-NotebookPanel .jp-Cell").nth(widget_index).locator(".widget-dropdown select").count()
    assert views == 1, (
        f"the widget cell shows the panel {views} times: labutils.widgets.panel() displays its box and also "
        "returns it, and the cell ends with `panel(...)`, so IPython displays the returned box again; "
        "make panel() return None after display(box), or end the cell with `;`")
    print(f"\nbrowser test: {timings}, total {time.monotonic() - started:.0f} s; screenshot {shot}")


def _drive_notebook(page, base, token, sources, setup, widget_index) -> str:
    """Open the notebook, run the setup cells and the widget cell, check the panel; return timings."""
    started = time.monotonic()
    page.goto(f"{base}/lab/tree/notebooks/{NOTEBOOK}?token={token}", timeout=PAGE_READY_MS)
    cells = page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    # Every cell rendered (windowing off) and the kernel started and idle before we run anything.
    page.wait_for_function(f"() => document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length"
                           f" === {len(sources)}", timeout=PAGE_READY_MS)
    _wait_for_kernel_idle(base, token)
    page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(timeout=PAGE_READY_MS)
    page_ready = time.monotonic() - started

    for index, snippet in setup:
        _run_cell(page, cells.nth(index), snippet)
    setup_done = time.monotonic() - started

    widget = cells.nth(widget_index)
    _run_cell(page, widget, WIDGET_CELL)
    _check_panel(page, widget)
    widget.scroll_into_view_if_needed()
    return (f"page ready {page_ready:.0f} s, setup cells {setup_done - page_ready:.0f} s, "
            f"widget cell and controls {time.monotonic() - started - setup_done:.0f} s")


def test_report_html_opens_with_the_headline_findings_and_their_plots(browser_page, tmp_path):
    """A report page, as an instructor opens it: the findings, with intervals and plots, before any table."""
    from labutils.claims import Estimate, change_sentence, headline
    from labutils.report import write_report
    from labutils.runner import NotebookRun

    change = Estimate(-17.7, -26.0, -9.5, 40)
    cells = {task: {"summarization FT": change.as_dict()} for task in ("sentiment", "ner")}
    runs = [NotebookRun(name="04_catastrophic_forgetting", status="ok", seconds=1.0, output="", results={
        "headlines": [headline("largest forgetting", change_sentence("sentiment", change), change)],
        "forgetting_intervals": cells, "sweep": [{"training examples": 0, "ner f1": 0.0}]})]
    write_report(runs, tmp_path, smoke=True, model="tiny")

    browser_page.goto((tmp_path / "report.html").as_uri())

    tags = browser_page.evaluate("() => [...document.body.children].map(element => element.tagName)")
    sections = [index for index, tag in enumerate(tags) if tag == "H2"]
    assert browser_page.locator("h2").first.inner_text() == "Headline findings"
    assert sections[0] < tags.index("FIGURE") < tags.index("TABLE")  # findings and plots before any table
    assert "95% CI -26.0 to -9.5, n = 40" in browser_page.locator("p").nth(1).inner_text()
    assert browser_page.locator("figure img").first.evaluate("image => image.naturalWidth") > 100
    browser_page.screenshot(path=str(_artifact_dir() / "report_top.png"))
