using System.Globalization;
using System.Net;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// How the session is served over HTTP and WebDAV: a checked listen address (loopback unless a config or the command
/// line names another), the browser origins allowed across origins, and an optional token.
/// </summary>
public sealed record HttpServing(IPAddress Address, int Port, IReadOnlyList<string> Origins, string? Token)
{
    public const string DefaultListen = "http://127.0.0.1:8080";

    /// <summary>The address as a URL, as it was asked for (port 0 means any free port).</summary>
    public string Listen => $"http://{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>True when only this machine can reach the address.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Checks a listen URL; adds a problem and returns false when it is none.</summary>
    public static bool TryParseListen(string text, ICollection<string> problems, out IPAddress address, out int port)
    {
        ArgumentNullException.ThrowIfNull(problems);
        address = IPAddress.Loopback;
        port = 0;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Query.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"'http.listen' is '{text}', not an address such as \"{DefaultListen}\" (http only, no path)");
            return false;
        }

        if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns)
        {
            // "localhost": the IPv4 loopback, which every client resolves it to first.
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out address!))
        {
            problems.Add($"'http.listen' names the host '{uri.Host}': give an IP address (127.0.0.1, 0.0.0.0, [::1]) or localhost");
            return false;
        }

        port = uri.Port;
        return true;
    }

    /// <summary>Splits and checks a comma-separated list of origins (<c>https://viewer.example.org</c>, or <c>*</c>).</summary>
    public static IReadOnlyList<string> ParseOrigins(string? text, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var origins = new List<string>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "*")
            {
                origins.Add(part);
            }
            else if (Uri.TryCreate(part, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.AbsolutePath == "/" && !part.EndsWith('/'))
            {
                origins.Add(part);
            }
            else
            {
                problems.Add($"'http.origins' holds '{part}', not an origin such as \"https://viewer.example.org\" (scheme, host and port only) or \"*\"");
            }
        }

        return origins;
    }
}
