#!/usr/bin/env bash
# The main job: installs what is missing, builds the `rpa` program and starts the runtime (`rpa serve`) on
# http://127.0.0.1:5080 with the sample bots from bots/ and the practice apps, on the embedded SQLite store
# under ./data. Extra arguments go to `rpa serve`, e.g. `bash runtime/start.sh --urls http://127.0.0.1:6000`.
set -euo pipefail
cd "$(dirname "$0")/.."
source runtime/setup.sh
dotnet build runtime/Rpa.Host -c Release -v quiet -nologo -o .build/rpa >/dev/null
exec dotnet .build/rpa/rpa.dll serve --bots bots "$@"
