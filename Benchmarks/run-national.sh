#!/usr/bin/env bash
# National benchmark (not part of the test suite, issue 17): every team's Monday round due at once (channel post, and
# with --members each member's personal chat), two bot instances, a per-tenant rate-limited sink, one instance killed
# a third of the way; then one bot-wide bucket; then Friday's digest to every team's leader.
# Arguments: --tenants 50 --teams 200 --rate 30 --future 20000 --members 0 --max-seconds 240 --runs all|per-tenant,bot-wide,friday,probe.
# Writes Benchmarks/results/national.md. Run it under the machine's build lock where others build: flock /tmp/cc-build.lock ./Benchmarks/run-national.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# Azurite from node_modules: installed only when missing (the tests' setup keeps it current).
[[ -x node_modules/.bin/azurite ]] || ./scripts/install-tools.sh
dotnet build Bot/CareCompanion.Bot.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet run -c Release --project Benchmarks/National/CareCompanion.Benchmarks.National.csproj -- "$@"
