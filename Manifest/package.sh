#!/usr/bin/env bash
# Builds the sideloadable Teams app package: artifacts/carecompanion-teams-app.zip with manifest.json (the bot's app id
# and domain filled in), the nynorsk and English localization files and the two icons. Validates it against the
# official schemas first. The files zipped stay in artifacts/teams-app/ (m365agents.yml validates that manifest).
#   BOT_ID=<Entra app (client) id> BOT_DOMAIN=<bot host name, e.g. carecompanion.azurewebsites.net> ./Manifest/package.sh
# (BOT_ID falls back to MicrosoftAppId.)
set -euo pipefail
cd "$(dirname "$0")/.."

bot_id="${BOT_ID:-${MicrosoftAppId:-}}"
bot_domain="${BOT_DOMAIN:-}"
if [[ ! "$bot_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "error: set BOT_ID (or MicrosoftAppId) to the bot's Entra app id, a GUID; got '${bot_id}'." >&2
  exit 2
fi
if [[ -z "$bot_domain" || "$bot_domain" == *"/"* || "$bot_domain" == *":"* ]]; then
  echo "error: set BOT_DOMAIN to the bot's host name only (no https://, no path), e.g. carecompanion.azurewebsites.net; got '${bot_domain}'." >&2
  exit 2
fi

./scripts/install-tools.sh
work=artifacts/teams-app
rm -rf "$work"
mkdir -p "$work"
sed -e "s/\${BOT_ID}/${bot_id}/g" -e "s/\${BOT_DOMAIN}/${bot_domain}/g" Manifest/manifest.json > "$work/manifest.json"
cp Manifest/nn-NO.json Manifest/en-US.json Manifest/icons/color.png Manifest/icons/outline.png "$work/"

result=$(node Tests/js/validate-manifest.mjs "$work")
if ! echo "$result" | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8")); const bad=Object.entries(r).filter(([,e])=>e.length); bad.forEach(([f,e])=>console.error(`${f}: ${e.join("; ")}`)); process.exit(bad.length?1:0)'; then
  echo "error: the package does not validate (see above)." >&2
  exit 1
fi

rm -f artifacts/carecompanion-teams-app.zip
(cd "$work" && python3 -m zipfile -c ../carecompanion-teams-app.zip manifest.json nn-NO.json en-US.json color.png outline.png)
echo "artifacts/carecompanion-teams-app.zip (app id ${bot_id}, domain ${bot_domain})"
