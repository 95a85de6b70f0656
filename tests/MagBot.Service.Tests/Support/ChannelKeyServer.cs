using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using MagBot.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// Plays the Bot Framework token service for one test: an RSA signing key, the OpenID configuration and JWKS
/// (with the key's channel endorsements) served to the service's key-fetching client, and tokens signed locally.
/// Each instance has its own metadata host, because the SDK caches metadata per URL for the whole process.
/// </summary>
public sealed class ChannelKeyServer : IDisposable
{
    public const string AppId = "7f3c2a1e-0d4b-4c6e-9a8f-5b2d1e0c3a47";
    private readonly RSA _rsa = RSA.Create(2048);
    private int _fetches;

    public ChannelKeyServer(params string[] endorsedChannels)
    {
        var host = $"keys-{Guid.NewGuid():N}.test.invalid";
        MetadataUrl = $"https://{host}/v1/.well-known/openidconfiguration";
        JwksUrl = $"https://{host}/v1/keys";
        Issuer = $"https://api.{host}";
        EndorsedChannels = endorsedChannels.Length == 0 ? ["msteams"] : endorsedChannels;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "key-1" };
    }

    public string MetadataUrl { get; }
    public string JwksUrl { get; }
    public string Issuer { get; }
    public string[] EndorsedChannels { get; }
    public RsaSecurityKey SigningKey { get; }

    /// <summary>When false, every fetch fails as an unreachable key endpoint does.</summary>
    public bool Available { get; set; } = true;
    public int Fetches => _fetches;

    /// <summary>The service settings that point the SDK's channel validation at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-used-outbound-credentials-are-replaced-in-tests",
        ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        // Setting any of the SDK's endpoint keys switches it to its parameterized cloud, which needs them all.
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = MetadataUrl.Replace("/v1/", "/emulator/", StringComparison.Ordinal),
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["ToChannelFromBotLoginUrl"] = "https://login.test.invalid/botframework.com",
        ["OAuthUrl"] = "https://token.test.invalid",
        ["ValidateAuthority"] = "false",
    };

    /// <summary>Serves the keys to the service's key-fetching client; everything else the service does is real.</summary>
    public void Attach(WebApplicationBuilder builder) =>
        builder.Services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new KeyEndpoint(this));

    public string Token(string serviceUrl, string? audience = null, string? issuer = null, DateTime? expires = null, SigningCredentials? credentials = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(30);
        var notBefore = expiry < now ? expiry.AddMinutes(-60) : now.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? AppId,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = credentials ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string UnsignedToken(string serviceUrl)
    {
        static string Part(JObject o) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(o.ToString(Newtonsoft.Json.Formatting.None)));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = SigningKey.KeyId };
        var payload = new JObject { ["iss"] = Issuer, ["aud"] = AppId, ["serviceurl"] = serviceUrl, ["nbf"] = now - 60, ["exp"] = now + 1800 };
        return $"{Part(header)}.{Part(payload)}.";
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _fetches);
        if (!Available) throw new HttpRequestException("Key endpoint unreachable (simulated).");
        var url = request.RequestUri!.ToString();
        string? body = url == MetadataUrl ? new JObject { ["issuer"] = Issuer, ["jwks_uri"] = JwksUrl, ["id_token_signing_alg_values_supported"] = new JArray("RS256") }.ToString()
            : url == JwksUrl ? Jwks().ToString()
            : null;
        return body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private JObject Jwks()
    {
        var p = _rsa.ExportParameters(false);
        return new JObject
        {
            ["keys"] = new JArray(new JObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = SigningKey.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                ["endorsements"] = new JArray(EndorsedChannels),
            }),
        };
    }

    public void Dispose() => _rsa.Dispose();

    /// <summary>The key endpoint as the service's HTTP client reaches it (the factory builds and disposes these).</summary>
    private sealed class KeyEndpoint(ChannelKeyServer server) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(server.Answer(request));
    }
}
