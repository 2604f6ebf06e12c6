#!/usr/bin/env bash
# Installs what the local stack and the tests need on a fresh Debian machine that has the .NET SDK and Node/npm:
#   - the npm tools pinned in package.json/package-lock.json (Azurite, Agents Playground, the Agents Toolkit CLI `atk`,
#     adaptivecards, playwright-core, app-manifest schemas), re-installed only when the lock file changed; without
#     install scripts (the toolkit CLI's keytar would otherwise compile against libsecret, which its offline use
#     here never needs);
#   - with --chromium: Debian's chromium for the headless browser tests (playwright cannot download browsers here).
set -euo pipefail
cd "$(dirname "$0")/.."

want_chromium=false
[[ "${1:-}" == "--chromium" ]] && want_chromium=true

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.carecompanion-lock-sha256
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  echo "==> npm ci (Azurite, Agents Playground, Agents Toolkit CLI, adaptivecards, playwright-core, app-manifest)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

if $want_chromium && [[ ! -x /usr/bin/chromium ]]; then
  echo "==> apt-get install chromium"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
