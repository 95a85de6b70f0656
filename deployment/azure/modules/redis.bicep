// Azure Cache for Redis: MagBot's shared state store. TLS only (port 6380), TLS 1.2 minimum, no public
// non-TLS port. Its access key reaches the web app through appService.bicep (listKeys), never an output.
@description('Cache name (globally unique).')
param name string

param location string

@allowed([
  'Basic'
  'Standard'
])
param sku string

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: name
  location: location
  properties: {
    sku: {
      name: sku
      family: 'C'
      capacity: 1
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    redisConfiguration: {
      // State is a cache of conversations with a retention limit: evict the soonest-expiring keys first
      // rather than refusing writes when memory is full.
      'maxmemory-policy': 'volatile-ttl'
    }
  }
}

output name string = cache.name
output hostName string = cache.properties.hostName
