#!/usr/bin/env bash
# The main job: installs what is missing, builds the `rpa` program and runs the sample bot.
# Extra arguments go to `rpa run`, e.g. `bash runtime/start.sh --input who=Ada`.
set -euo pipefail
cd "$(dirname "$0")/.."
source runtime/setup.sh
dotnet build runtime/Rpa.Host -c Release -v quiet -nologo -o .build/rpa >/dev/null
exec dotnet .build/rpa/rpa.dll run bots/hello "$@"
