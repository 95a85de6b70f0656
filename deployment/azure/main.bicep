// MagBot on Azure: an Azure Bot (Teams and Direct Line channels), a Linux App Service running the .NET 10
// service, and Azure Cache for Redis as the state store shared by every instance.
//
//   az group create -n magbot-rg -l westeurope
//   az deployment group create -g magbot-rg -f deployment/azure/main.bicep -p clinicName='Example Clinic'
//
// The bot signs in as a user-assigned managed identity by default (no secret to rotate). New multi-tenant
// bots can no longer be created; for a single-tenant app registration pass botIdentityType='SingleTenant',
// appId and appPassword.
targetScope = 'resourceGroup'

@description('Short name used to derive resource names (lower-case letters and digits).')
@minLength(3)
@maxLength(16)
param baseName string = 'magbot${take(uniqueString(resourceGroup().id), 6)}'

@description('Region of the App Service and Redis. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('How the bot authenticates to the Bot Framework: a user-assigned managed identity (created here) or a single-tenant Entra app registration.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botIdentityType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param appId string = ''

@description('SingleTenant only: a client secret of that app registration.')
@secure()
param appPassword string = ''

@description('App Service plan SKU. B1 is enough for a pilot; use P0v3 or larger with more than one instance.')
param appServiceSku string = 'B1'

@description('Instances of the web app. More than one shares state through Redis.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Cache for Redis SKU: Basic (no SLA, pilots) or Standard (replicated).')
@allowed([
  'Basic'
  'Standard'
])
param redisSku string = 'Standard'

@description('Azure Bot pricing tier: F0 (free, limited premium-channel messages) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'S1'

@description('How long untouched conversation state is kept (the retention limit), as a .NET TimeSpan.')
param stateRetention string = '04:00:00'

@description('Clinic shown to users (empty for none).')
param clinicName string = ''

@description('Clinic phone number shown in hand-offs.')
param clinicPhone string = ''

@description('Clinic booking link.')
param clinicBookingUrl string = ''

@description('Local emergency number.')
param emergencyNumber string = '911'

@description('Crisis line for thoughts of suicide or self-harm.')
param crisisLine string = '988'

@description('Poison control number.')
param poisonControl string = '1-800-222-1222'

@description('Origins allowed to embed the Web Chat (Direct Line enhanced authentication), e.g. https://clinic.example.')
param webChatOrigins array = []

var webAppName = '${baseName}-app'
var botName = '${baseName}-bot'
var messagingEndpoint = 'https://${webAppName}.azurewebsites.net/api/messages'

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (botIdentityType == 'UserAssignedMSI') {
  name: '${baseName}-id'
  location: location
}

var botAppId = botIdentityType == 'UserAssignedMSI' ? botIdentity!.properties.clientId : appId

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    name: '${baseName}-redis'
    location: location
    sku: redisSku
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: botName
    sku: botSku
    endpoint: messagingEndpoint
    appType: botIdentityType
    appId: botAppId
    tenantId: tenant().tenantId
    msiResourceId: botIdentityType == 'UserAssignedMSI' ? botIdentity.id : ''
    webChatOrigins: webChatOrigins
  }
}

module app 'modules/appService.bicep' = {
  name: 'app'
  params: {
    name: webAppName
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: botIdentityType == 'UserAssignedMSI' ? botIdentity.id : ''
    redisName: redis.outputs.name
    botName: bot.outputs.name
    settings: {
      MicrosoftAppType: botIdentityType
      MicrosoftAppId: botAppId
      MicrosoftAppTenantId: tenant().tenantId
      Storage__Provider: 'Redis'
      Storage__Retention: stateRetention
      Storage__KeyPrefix: 'magbot:'
      Clinic__Name: clinicName
      Clinic__Phone: clinicPhone
      Clinic__BookingUrl: clinicBookingUrl
      Clinic__EmergencyNumber: emergencyNumber
      Clinic__CrisisLine: crisisLine
      Clinic__PoisonControl: poisonControl
    }
    appPassword: botIdentityType == 'SingleTenant' ? appPassword : ''
  }
}

output webAppUrl string = 'https://${app.outputs.defaultHostName}'
output messagingEndpoint string = messagingEndpoint
output botName string = bot.outputs.name
output botAppId string = botAppId
