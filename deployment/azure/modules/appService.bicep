// The Linux App Service that runs MagBot (.NET 10): always on, health-checked at /healthz (503 while Redis
// is unreachable, so the platform routes around an instance that cannot reach state), HTTPS only.
param name string
param location string
param sku string
param instanceCount int

@description('User-assigned identity the bot signs in as (empty for SingleTenant).')
param identityId string = ''

@description('Name of the Azure Cache for Redis whose key goes into ConnectionStrings__Redis.')
param redisName string

@description('Name of the Azure Bot whose Direct Line secret goes into DirectLine__Secret.')
param botName string

@description('Plain app settings (configuration keys with __ for :).')
param settings object

@description('SingleTenant client secret (empty for a managed identity).')
@secure()
param appPassword string = ''

resource cache 'Microsoft.Cache/redis@2024-03-01' existing = {
  name: redisName
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' existing = {
  name: botName
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' existing = {
  parent: bot
  name: 'DirectLineChannel'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var redisConnection = '${cache.properties.hostName}:${cache.properties.sslPort},password=${cache.listKeys().primaryKey},ssl=True,abortConnect=False'
var secrets = union({
  ConnectionStrings__Redis: redisConnection
  DirectLine__Secret: directLine.listChannelWithKeys().properties.properties.sites[0].key
}, empty(appPassword) ? {} : {
  MicrosoftAppPassword: appPassword
})

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: empty(identityId) ? {
    type: 'SystemAssigned'
  } : {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, secrets, {
    ASPNETCORE_ENVIRONMENT: 'Production'
    WEBSITE_RUN_FROM_PACKAGE: '1'
  })
}

output defaultHostName string = site.properties.defaultHostName
