#!/usr/bin/env bash
# Deploys CareCompanion to the signed-in Azure subscription (run `az login` first) and builds the Teams app package.
#   ENVIRONMENT=test [RESOURCE_GROUP=rg-carecompanion-test] [LOCATION=norwayeast] ./infra/deploy.sh
# Then upload artifacts/carecompanion-teams-app.zip in the Teams admin center (or sideload it).
set -euo pipefail
cd "$(dirname "$0")/.."
env="${ENVIRONMENT:?set ENVIRONMENT, e.g. test or prod}"
rg="${RESOURCE_GROUP:-rg-carecompanion-${env}}"
location="${LOCATION:-norwayeast}"

az group create --name "$rg" --location "$location" --output none
answer_key=$(./infra/answer-key.sh "$rg") # the vault's, so it stays the same across deployments
outputs=$(az deployment group create --resource-group "$rg" --template-file infra/main.bicep \
  --parameters environmentName="$env" location="$location" answerKeySecret="$answer_key" --query properties.outputs --output json)
output() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1']['value'])" <<<"$outputs"; }

rm -rf .local/publish .local/publish.zip
dotnet publish Bot/CareCompanion.Bot.csproj -c Release -o .local/publish --nologo
(cd .local/publish && python3 -m zipfile -c ../publish.zip .)
az webapp deploy --resource-group "$rg" --name "$(output BOT_AZURE_APP_SERVICE_NAME)" --src-path .local/publish.zip --type zip --output none

BOT_ID="$(output BOT_ID)" BOT_DOMAIN="$(output BOT_DOMAIN)" ./Manifest/package.sh
