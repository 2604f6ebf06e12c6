#!/usr/bin/env bash
# Turn benchmark (not part of the test suite): CareCompanion against a bare echo bot at 1, 16 and 64 concurrent users,
# and the messaging-extension search over 10,000 and 100,000 ideas. Writes Benchmarks/results/turns.md.
# Extra arguments go to the benchmark (--users 1,16,64 --requests 25 --ideas 10000,100000).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-tools.sh
dotnet build Bot/CareCompanion.Bot.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build Benchmarks/EchoBot/CareCompanion.Benchmarks.EchoBot.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet run -c Release --project Benchmarks/Turns/CareCompanion.Benchmarks.Turns.csproj -- "$@"
