using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PadoFs.Http;

/// <summary>
/// The optional secret every request must carry: <c>Authorization: Bearer TOKEN</c>, or Basic with the token as the
/// password (any user name), for WebDAV clients that only ask for a user and a password.
/// </summary>
internal sealed class RequestToken(string? token)
{
    private readonly byte[]? _expected = token is null ? null : Encoding.UTF8.GetBytes(token);

    public bool Allows(HttpRequest request)
    {
        if (_expected is null)
        {
            return true;
        }

        string? header = request.Headers.Authorization;
        if (header is null)
        {
            return false;
        }

        string? given = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = header["Bearer ".Length..].Trim();
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            given = BasicPassword(header["Basic ".Length..].Trim());
        }

        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _expected);
    }

    private static string? BasicPassword(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : text[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
