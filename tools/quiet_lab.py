"""Stop JupyterLab in the project's environment from reaching out to the internet for news and updates."""
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
