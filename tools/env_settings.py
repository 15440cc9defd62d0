"""What set-up writes into the project's environment (``make setup``, and Binder's postBuild): JupyterLab does not
reach out to the internet for news and updates, and a lesson's kernel says what to run when a cell is run before
the cell it needs (``mbc_atlas.lesson.load_ipython_extension``)."""
import json
import sys
from pathlib import Path

settings = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
settings.mkdir(parents=True, exist_ok=True)
overrides = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}
(settings / "overrides.json").write_text(json.dumps(overrides, indent=2) + "\n")
print(f"wrote {settings / 'overrides.json'}")

# IPython's kernels read {sys.prefix}/etc/ipython/ipython_kernel_config.py besides the user's own profile.
kernel_config = Path(sys.prefix) / "etc" / "ipython" / "ipython_kernel_config.py"
kernel_config.parent.mkdir(parents=True, exist_ok=True)
line = 'c.InteractiveShellApp.extensions.append("mbc_atlas.lesson")\n'
kept = kernel_config.read_text() if kernel_config.is_file() else ""
if line not in kept:
    kernel_config.write_text(kept + line)
print(f"wrote {kernel_config}")
