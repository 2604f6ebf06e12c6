#!/usr/bin/env bash
# Runs the whole test suite: unit tests, integration tests against a real Azurite, card validation with
# Microsoft's adaptivecards library, and the end-to-end test through the Microsoft 365 Agents Playground.
# Installs everything it needs first (npm tools, Debian chromium). The last line is the test runner's summary.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-tools.sh --chromium
rm -rf TestResults/cards TestResults/e2e
echo "==> dotnet build"
dotnet build CareCompanion.sln --nologo -v quiet -clp:ErrorsOnly
echo "==> dotnet test"
dotnet test Tests/CareCompanion.Tests.csproj --no-build --nologo "$@"
