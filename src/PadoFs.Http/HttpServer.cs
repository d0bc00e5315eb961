using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Session;

namespace PadoFs.Http;

/// <summary>
/// A session's tree served over HTTP and read-only WebDAV by Kestrel, until disposed. The server owns no slide, cache
/// or tree: every request is a lookup in the session's tree and a read of the node it finds.
/// </summary>
public sealed class HttpServer : IMountAdapter
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private HttpServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _completion.TrySetResult();
            }
        });
    }

    /// <summary>The URL it listens at, with the port the system chose where port 0 was asked for.</summary>
    public string Address { get; }

    public string Description => $"HTTP at {Address}";

    public string EndedReason => "the HTTP server stopped";

    public Task Completion => _completion.Task;

    /// <summary>Starts serving <paramref name="session"/>'s tree as <paramref name="serving"/> says; returns once it listens.</summary>
    /// <exception cref="IOException">the address cannot be listened at (in use, not this machine's).</exception>
    public static async Task<HttpServer> StartAsync(MountSession session, HttpServing serving, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);

        // The daemon owns SIGINT and SIGTERM; the server stops when the session detaches it, never by itself.
        builder.Services.AddSingleton<IHostLifetime, DetachedLifetime>();
        builder.WebHost.UseKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = PropfindRequest.MaxBodyBytes;
            options.Listen(serving.Address, serving.Port);
        });
        var app = builder.Build();
        var requests = new TreeRequests(session, serving, loggerFactory.CreateLogger("PadoFs.Http.Access"));
        app.Run(requests.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"cannot serve HTTP at {serving.Listen}: {e.Message}", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? serving.Listen;
        return new HttpServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(s_stopTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class DetachedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
