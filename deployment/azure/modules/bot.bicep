// The Azure Bot registration and its channels: Microsoft Teams and Direct Line (for the clinic's Web Chat).
param name string

@allowed([
  'F0'
  'S1'
])
param sku string

@description('https://<app>/api/messages')
param endpoint string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string

param appId string
param tenantId string

@description('Resource id of the user-assigned identity (UserAssignedMSI only).')
param msiResourceId string = ''

@description('Origins allowed to use the Direct Line site (enhanced authentication).')
param webChatOrigins array = []

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: 'MagBot'
    description: 'Education about magnesium in fibromyalgia and migraine. Not medical advice.'
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? msiResourceId : null
    disableLocalAuth: false
    isStreamingSupported: false
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Web Chat'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          // The page gets a token from MagBot's /api/directline/token; with origins listed, Direct Line also
          // checks where the token is used.
          isSecureSiteEnabled: !empty(webChatOrigins)
          trustedOrigins: webChatOrigins
        }
      ]
    }
  }
}

output name string = bot.name
