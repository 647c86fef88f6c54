"""ipywidgets panels that never block a headless run.

A panel is a set of controls plus a function that draws its result. In JupyterLab the result
redraws whenever a control changes (or when the button is pressed, for slow work such as
training). Under papermill nobody moves a control: the panel draws once with the default values,
straight into the cell's output, so the executed notebook shows what the learner would see first.

Example:
    >>> import ipywidgets as w
    >>> panel(lambda shots: print("shots =", shots), shots=w.IntSlider(value=1, min=0, max=4))  # doctest: +SKIP
"""

from __future__ import annotations

import os
import sys


def in_browser() -> bool:
    """True in a live Jupyter front end; False under papermill/nbclient, in scripts and in tests.

    Papermill (through nbclient) starts the kernel with no front end attached; the lab's runner
    and CI also set ``LABUTILS_HEADLESS=1``. We treat an IPython kernel as a browser session
    unless told otherwise.
    """
    if os.environ.get("LABUTILS_HEADLESS") == "1":
        return False
    shell = sys.modules.get("IPython") and sys.modules["IPython"].get_ipython()
    return bool(shell) and type(shell).__name__ == "ZMQInteractiveShell"


def panel(draw, *, button: str | None = None, **controls):
    """Show ``controls`` and the output of ``draw(**values)`` below them.

    ``button="Train"`` adds a button and redraws only when it is pressed (for slow work);
    otherwise every change of a control redraws. The panel is displayed here and the function
    returns None, so a cell that ends on ``panel(...)`` shows it once.
    """
    from IPython.display import display

    values = {name: control.value for name, control in controls.items()}
    if not in_browser():
        draw(**values)
        return None

    import ipywidgets as widgets

    output = widgets.Output()

    def redraw(*_):
        output.clear_output(wait=True)
        with output:
            draw(**{name: control.value for name, control in controls.items()})

    for control in controls.values():  # long labels ("temperature") stay readable
        if hasattr(control, "style") and hasattr(control.style, "description_width"):
            control.style.description_width = "initial"
    items = list(controls.values())
    if button:
        trigger = widgets.Button(description=button, button_style="primary")
        trigger.on_click(redraw)
        items.append(trigger)
    else:
        for control in controls.values():
            control.observe(redraw, names="value")
    box = widgets.VBox([widgets.HBox(items, layout=widgets.Layout(flex_flow="row wrap")), output])
    display(box)
    redraw()
    return None
