#!/usr/bin/env bash
# Installs what Rpa needs and this machine lacks; quick when everything is there.
# Used by runtime/start.sh and tests/run-all.sh (the README's two commands). Run as root on Debian.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required but 'dotnet' is not on PATH." >&2
  echo "setup: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run this again." >&2
  exit 1
fi

# Debian packages the runtime and the tests use. Each later capability adds its own here.
# postgresql-15: the runtime tests start a private server from its binaries (initdb, pg_ctl); the system service is not used.
packages=(chromium fonts-liberation tesseract-ocr tesseract-ocr-eng libtesseract5 postgresql-15)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# NuGet packages: restored by dotnet itself from the lock-free central versions in Directory.Packages.props.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The web designer (designer/): npm packages from the lockfile, then the build in designer/dist that `rpa serve`
# serves at /. Each step runs only when its output is missing or older than what it is made from.
if [ -f designer/package.json ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: Node.js 20+ and npm are required to build the designer; install them (apt-get install nodejs npm) and run this again." >&2
    exit 1
  fi
  if [ ! -d designer/node_modules ] || [ designer/package-lock.json -nt designer/node_modules/.package-lock.json ]; then
    echo "setup: installing the designer's npm packages"
    (cd designer && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  if [ ! -f designer/dist/index.html ] || [ -n "$(find designer/src designer/index.html designer/package-lock.json designer/vite.config.ts -newer designer/dist/index.html -print -quit)" ]; then
    echo "setup: building the designer"
    build_log=$(mktemp)
    if ! (cd designer && npm run build --silent >"$build_log" 2>&1); then
      cat "$build_log" >&2
      rm -f "$build_log"
      echo "setup: the designer's build failed (see above)." >&2
      exit 1
    fi
    rm -f "$build_log"
  fi
fi
