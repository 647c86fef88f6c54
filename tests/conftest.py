import os

# Widgets draw once, headless (labutils.widgets); keep test runs off any GPU a developer may have.
os.environ.setdefault("LABUTILS_HEADLESS", "1")
