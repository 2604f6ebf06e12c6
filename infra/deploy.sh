#!/usr/bin/env bash
# Deploys CareCompanion to the signed-in Azure subscription (run `az login` first) and builds the Teams app package.
#   One municipality (default; the bot is a managed identity, serving its own tenant):
#     ENVIRONMENT=test [RESOURCE_GROUP=rg-carecompanion-test] [LOCATION=norwayeast] ./infra/deploy.sh
#   A shared host for many municipalities (an Azure Bot of type SingleTenant, its Entra app registration open to any
#   organisational directory, its certificate in Key Vault; infra/shared.bicepparam):
#     SHARED=1 ENVIRONMENT=region [BOT_APP_ID=<existing app id>] [BOT_CREDENTIAL=certificate|secret]
#       [ALLOWED_TENANTS=<tenant id>,<tenant id>,...] ./infra/deploy.sh
# Then upload artifacts/carecompanion-teams-app.zip in the Teams admin center (or sideload it); on a shared host, in
# each municipality's Teams admin center.
set -euo pipefail
cd "$(dirname "$0")/.."
env="${ENVIRONMENT:?set ENVIRONMENT, e.g. test or prod}"
rg="${RESOURCE_GROUP:-rg-carecompanion-${env}}"
location="${LOCATION:-norwayeast}"

az group create --name "$rg" --location "$location" --output none
answer_key=$(./infra/answer-key.sh "$rg") # the vault's, so it stays the same across deployments

if [[ "${SHARED:-0}" == 1 ]]; then
  if [[ -z "${BOT_APP_ID:-}" ]]; then
    BOT_APP_ID=$(az ad app create --display-name "CareCompanion ($env)" --sign-in-audience AzureADMultipleOrgs --query appId --output tsv)
    az ad sp create --id "$BOT_APP_ID" --output none
    echo "Created the bot's app registration $BOT_APP_ID (keep it: BOT_APP_ID=$BOT_APP_ID on the next deployment)."
  fi
  outputs=$(ENVIRONMENT="$env" LOCATION="$location" PULSE_ANSWER_KEY="$answer_key" BOT_APP_ID="$BOT_APP_ID" \
    az deployment group create --resource-group "$rg" --parameters infra/shared.bicepparam --query properties.outputs --output json)
else
  outputs=$(az deployment group create --resource-group "$rg" --template-file infra/main.bicep \
    --parameters environmentName="$env" location="$location" answerKeySecret="$answer_key" --query properties.outputs --output json)
fi
output() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1']['value'])" <<<"$outputs"; }

if [[ "${SHARED:-0}" == 1 ]]; then
  vault="$(output BOT_KEY_VAULT_NAME)"
  credential=$([[ "${BOT_CREDENTIAL:-certificate}" == secret ]] && echo bot-app-secret || echo bot-certificate)
  if ! az keyvault secret show --vault-name "$vault" --name "$credential" --output none 2>/dev/null; then
    # The vault uses Azure RBAC: whoever deploys needs the right to create the credential there once.
    me=$(az ad signed-in-user show --query id --output tsv)
    vault_id=$(az keyvault show --name "$vault" --query id --output tsv)
    if [[ "$credential" == bot-app-secret ]]; then
      az role assignment create --assignee "$me" --role "Key Vault Secrets Officer" --scope "$vault_id" --output none
      secret=$(az ad app credential reset --id "$BOT_APP_ID" --append --display-name carecompanion --query password --output tsv)
      az keyvault secret set --vault-name "$vault" --name bot-app-secret --value "$secret" --output none
    else
      az role assignment create --assignee "$me" --role "Key Vault Certificates Officer" --scope "$vault_id" --output none
      # A self-signed certificate made in the vault; only its public key goes to the app registration.
      az ad app credential reset --id "$BOT_APP_ID" --append --create-cert --keyvault "$vault" --cert bot-certificate --output none
    fi
    az webapp restart --resource-group "$rg" --name "$(output BOT_AZURE_APP_SERVICE_NAME)" # reads the new Key Vault reference
  fi
fi

rm -rf .local/publish .local/publish.zip
dotnet publish Bot/CareCompanion.Bot.csproj -c Release -o .local/publish --nologo
(cd .local/publish && python3 -m zipfile -c ../publish.zip .)
az webapp deploy --resource-group "$rg" --name "$(output BOT_AZURE_APP_SERVICE_NAME)" --src-path .local/publish.zip --type zip --output none

BOT_ID="$(output BOT_ID)" BOT_DOMAIN="$(output BOT_DOMAIN)" ./Manifest/package.sh
