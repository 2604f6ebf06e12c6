// CareCompanion in one resource group: a Linux App Service running the bot, an Azure Bot with the Teams channel,
// a Storage account (Tables and Queues), Application Insights, and a Key Vault holding the storage connection string.
// Two ways to run it (botIdentity):
//   managedIdentity (default): one municipality's own deployment. The bot authenticates as a user-assigned managed
//     identity (MicrosoftAppType=UserAssignedMSI): no bot secret exists, and it serves its own tenant only.
//   sharedAppRegistration: a regional or national host serving many municipalities (needed for learning networks
//     across municipal borders). Azure no longer creates multi-tenant Azure Bots (since 2025-07-31), so the Azure Bot is
//     of type SingleTenant and its Entra app registration accepts accounts in any organisational directory
//     (AzureADMultipleOrgs; deploy.sh creates it); its credential lives in Key Vault: a certificate (preferred) or a secret.
targetScope = 'resourceGroup'

@description('Short name of the environment, used in resource names, e.g. "test" or "prod".')
@minLength(2)
@maxLength(10)
param environmentName string

@description('Azure region; Norway East keeps the data in Norway.')
param location string = 'norwayeast'

@description('App Service plan size.')
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier: F0 (free, for tests) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'S1'

@description('The secret pulse answers are keyed with while a round is open (kept in Key Vault, never in storage). Keep it the same across deployments: deploy.sh reads it back from the vault.')
@secure()
param answerKeySecret string

@description('managedIdentity: one municipality, its own tenant (default). sharedAppRegistration: one host for many municipalities.')
@allowed(['managedIdentity', 'sharedAppRegistration'])
param botIdentity string = 'managedIdentity'

@description('sharedAppRegistration only: the application (client) id of the bot\'s Entra app registration (sign-in audience AzureADMultipleOrgs).')
param sharedBotAppId string = ''

@description('sharedAppRegistration only: the bot\'s credential in this deployment\'s Key Vault — "certificate" (preferred; the vault certificate "bot-certificate") or "secret" (the vault secret "bot-app-secret").')
@allowed(['certificate', 'secret'])
param sharedBotCredential string = 'certificate'

@description('The Entra tenant ids (municipalities) whose activities the bot takes; empty takes any tenant that installs the app. Set it on a shared host.')
param allowedTenants array = []

var shared = botIdentity == 'sharedAppRegistration'

var suffix = toLower('${environmentName}${uniqueString(resourceGroup().id)}')
var names = {
  identity: 'id-carecompanion-${environmentName}'
  storage: take('stcc${replace(suffix, '-', '')}', 24)
  logs: 'log-carecompanion-${environmentName}'
  insights: 'appi-carecompanion-${environmentName}'
  vault: take('kv-cc-${suffix}', 24)
  plan: 'asp-carecompanion-${environmentName}'
  app: 'app-carecompanion-${suffix}'
  bot: 'bot-carecompanion-${suffix}'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource answerKeySecretInVault 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pulse-answer-key-secret'
  properties: { value: answerKeySecret }
}

// Key Vault Secrets User, so the app can read the connection string through a Key Vault reference.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, 'secrets-user')
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

var managedIdentityBotSettings = [
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
]
// The app's home tenant signs its token requests; activities from other tenants come with Bot Framework tokens for
// the app id, which any tenant's Teams sends once that tenant's admin allows the app.
var sharedBotSettings = [
  { name: 'MicrosoftAppType', value: 'SingleTenant' }
  { name: 'MicrosoftAppId', value: sharedBotAppId }
  { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
  sharedBotCredential == 'certificate'
    ? { name: 'Bot__AppCertificate', value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/bot-certificate)' }
    : { name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/bot-app-secret)' }
]
var allowedTenantSettings = [for (tenantId, i) in allowedTenants: { name: 'Bot__AllowedTenants__${i}', value: tenantId }]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: names.app
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/readyz' // storage and the delivery queue reachable (Bot/Hosting/Readiness.cs)
      appSettings: concat(shared ? sharedBotSettings : managedIdentityBotSettings, allowedTenantSettings, [
        { name: 'Storage__ConnectionString', value: '@Microsoft.KeyVault(SecretUri=${storageSecret.properties.secretUri})' }
        { name: 'Storage__TablePrefix', value: 'cc' }
        { name: 'Pulse__AnswerKeySecret', value: '@Microsoft.KeyVault(SecretUri=${answerKeySecretInVault.properties.secretUri})' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ])
    }
  }
  dependsOn: [secretsUser]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'CareCompanion'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: shared ? 'SingleTenant' : 'UserAssignedMSI'
    msaAppId: shared ? sharedBotAppId : identity.properties.clientId
    msaAppMSIResourceId: shared ? null : identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Named as the Agents Toolkit names them: its arm/deploy action writes each output to env/.env.<environment> as is.
@description('For the Teams app package: its id, the bot\'s.')
output BOT_ID string = shared ? sharedBotAppId : identity.properties.clientId
@description('For the Teams app package: the bot\'s domain.')
output BOT_DOMAIN string = app.properties.defaultHostName
@description('Where deploy puts the bot (m365agents.yml: azureAppService/zipDeploy).')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = app.id
output BOT_AZURE_APP_SERVICE_NAME string = app.name
@description('Where deploy.sh puts the shared host\'s certificate.')
output BOT_KEY_VAULT_NAME string = vault.name
