#!/usr/bin/env bash
# Runs CareCompanion locally: Azurite (storage), the bot on http://127.0.0.1:3978, and the Microsoft 365 Agents
# Playground (Teams emulator) against it. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

./scripts/install-tools.sh
echo "==> dotnet build"
dotnet build Bot/CareCompanion.Bot.csproj --nologo -v quiet -clp:ErrorsOnly

mkdir -p .local/azurite .local/logs
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for_port() {
  for _ in $(seq 1 120); do
    (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.5
  done
  echo "port $1 did not open; see .local/logs/" >&2
  exit 1
}

echo "==> Azurite (tables on 127.0.0.1:10002, queues on 127.0.0.1:10001)"
setsid node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort 10002 --location .local/azurite \
  --silent --disableTelemetry </dev/null >.local/logs/azurite.log 2>&1 &
pids+=($!)
# --skipApiVersionCheck: Azure.Storage.Queues 12.28 asks for a newer service version than Azurite 3.37 knows.
setsid node_modules/.bin/azurite-queue --queueHost 127.0.0.1 --queuePort 10001 --location .local/azurite \
  --silent --disableTelemetry --skipApiVersionCheck </dev/null >.local/logs/azurite-queue.log 2>&1 &
pids+=($!)
wait_for_port 10002
wait_for_port 10001

echo "==> bot (http://127.0.0.1:3978/api/messages)"
(cd Bot/bin/Debug/net10.0 && ASPNETCORE_ENVIRONMENT=Development exec setsid dotnet CareCompanion.Bot.dll \
  --urls http://127.0.0.1:3978 </dev/null >"$root/.local/logs/bot.log" 2>&1) &
pids+=($!)
wait_for_port 3978

echo "==> Agents Playground"
(cd .local && TEAMSAPPTESTER_BROWSER=none exec setsid "$root/node_modules/.bin/agentsplayground" \
  -e http://127.0.0.1:3978/api/messages -c msteams --disable-telemetry </dev/null >"$root/.local/logs/playground.log" 2>&1) &
pids+=($!)
wait_for_port 56150

cat <<MSG

CareCompanion is running.
  Open http://127.0.0.1:56150/ and type "help" or "hjelp".
  The playground always sends locale en-US, so the bot answers in English there; in Teams it follows each user's language.
  Logs: .local/logs/{azurite,bot,playground}.log
  Ctrl-C stops Azurite, the bot and the playground.
MSG
wait
