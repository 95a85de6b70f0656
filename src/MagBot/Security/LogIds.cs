using System.Security.Cryptography;
using System.Text;

namespace MagBot.Security;

/// <summary>Stable short hashes of conversation and user ids for logs: operators can follow one conversation
/// through the logs without the logs holding the id a channel uses to reach a person.</summary>
public static class LogIds
{
    public static string Hash(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "-";
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), digest);
        return Convert.ToHexStringLower(digest[..6]);
    }
}
