#!/usr/bin/env bash
# Prints the pulse answer key for a resource group's deployment: the one its Key Vault already holds, or a new random
# one the first time. It must stay the same across deployments (a new key during an open round would count a changed
# answer twice). Used by infra/deploy.sh and by m365agents.yml's provision.
#   ./infra/answer-key.sh <resource group>
set -euo pipefail
rg="${1:?usage: answer-key.sh <resource group>}"
vault=$(az keyvault list --resource-group "$rg" --query "[0].name" --output tsv 2>/dev/null || true)
key=$( [[ -n "$vault" ]] && az keyvault secret show --vault-name "$vault" --name pulse-answer-key-secret --query value --output tsv 2>/dev/null || true)
echo "${key:-$(openssl rand -base64 32)}"
