using System.Net;

namespace PadoFs.Images.Sources;

/// <summary>
/// The one HttpClient every HTTP source of the process shares, over one connection pool: connections are reused
/// across slides, and a DNS change is picked up within minutes. Timeouts are per request (<see cref="RemoteReadOptions"/>),
/// so the client itself has none.
/// </summary>
public static class RemoteHttpClient
{
    private static readonly Lazy<HttpClient> s_shared = new(Create);

    public static HttpClient Shared => s_shared.Value;

    private static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxConnectionsPerServer = 32,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("PadoFs");
        return client;
    }
}
