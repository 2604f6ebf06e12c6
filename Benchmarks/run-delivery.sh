#!/usr/bin/env bash
# Delivery benchmark (not part of the test suite): 5,000 conversations, two bot instances, a rate-limited connector
# sink, one instance killed mid-run. Writes Benchmarks/results/delivery-<rate>-per-second.md. Extra arguments go to
# the benchmark (--conversations N, --rate R: the connector's allowed messages per second, default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-tools.sh
dotnet build Bot/CareCompanion.Bot.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet run -c Release --project Benchmarks/Delivery/CareCompanion.Benchmarks.Delivery.csproj -- "$@"
