// The shared host: one deployment serving many municipalities (deploy.sh with SHARED=1 sets these variables).
using 'main.bicep'

param environmentName = readEnvironmentVariable('ENVIRONMENT', 'shared')
param location = readEnvironmentVariable('LOCATION', 'norwayeast')
param answerKeySecret = readEnvironmentVariable('PULSE_ANSWER_KEY', '')
param botIdentity = 'sharedAppRegistration'
param sharedBotAppId = readEnvironmentVariable('BOT_APP_ID', '')
param sharedBotCredential = readEnvironmentVariable('BOT_CREDENTIAL', 'certificate') == 'secret' ? 'secret' : 'certificate'
// Comma-separated tenant ids; none set takes any tenant that installs the app.
param allowedTenants = filter(map(split(readEnvironmentVariable('ALLOWED_TENANTS', ''), ','), tenantId => trim(tenantId)), tenantId => !empty(tenantId))
