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
