#!/usr/bin/env bash
# Prints the pulse answer key for a resource group's deployment: the one its Key Vault already holds, or a new random
# one the first time. It must stay the same across deployments (a new key during an open round would count a changed
# answer twice).
#   ./infra/answer-key.sh <resource group>     (infra/deploy.sh)
#   ./infra/answer-key.sh --toolkit            (m365agents.yml: sets SECRET_PULSE_ANSWER_KEY for the Agents Toolkit
#                                               unless env/.env.<environment>.user has it; resource group from
#                                               AZURE_RESOURCE_GROUP_NAME)
set -euo pipefail
if [[ "${1:-}" == "--toolkit" ]]; then
  [[ -n "${SECRET_PULSE_ANSWER_KEY:-}" ]] && exit 0
  echo "::set-teamsfx-env SECRET_PULSE_ANSWER_KEY=$("$0" "${AZURE_RESOURCE_GROUP_NAME:?}")"
  exit 0
fi
rg="${1:?usage: answer-key.sh <resource group> | --toolkit}"
vault=$(az keyvault list --resource-group "$rg" --query "[0].name" --output tsv 2>/dev/null || true)
key=$( [[ -n "$vault" ]] && az keyvault secret show --vault-name "$vault" --name pulse-answer-key-secret --query value --output tsv 2>/dev/null || true)
echo "${key:-$(openssl rand -base64 32)}"
