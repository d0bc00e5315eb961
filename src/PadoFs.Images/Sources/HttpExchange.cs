using System.Globalization;
using System.Net;

namespace PadoFs.Images.Sources;

/// <summary>
/// One HTTP request as remote sources send it: under a timeout covering its body too, tried again with backoff on
/// server errors, throttling (honouring Retry-After), timeouts and lost connections, and turned into the exception
/// its final status calls for. With <c>sync</c> set it blocks and completes synchronously, for readers that cannot await.
/// </summary>
internal readonly struct HttpExchange(HttpClient client, string name, RemoteReadOptions options)
{
    public async ValueTask<T> Send<T>(
        Func<HttpRequestMessage> request,
        Func<HttpResponseMessage, CancellationToken, ValueTask<T>> onSuccess,
        bool sync,
        CancellationToken cancellationToken)
    {
        string failure = "no attempt";
        TimeSpan? serverAsked = null;
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                var delay = options.RetryDelay(attempt, serverAsked);
                if (sync)
                {
                    Thread.Sleep(delay);
                }
                else
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            using var message = request();
            try
            {
                using var response = sync
                    ? client.Send(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                    : await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);

                // A blocking body read does not watch the token: disposing the response ends it at the timeout.
                using var abort = sync ? timeout.Token.Register(static r => ((HttpResponseMessage)r!).Dispose(), response) : default;
                if (response.IsSuccessStatusCode)
                {
                    return await onSuccess(response, timeout.Token).ConfigureAwait(false);
                }

                failure = Describe(response);
                serverAsked = response.Headers.RetryAfter?.Delta;
                if (!IsTransient(response.StatusCode))
                {
                    throw Final(response.StatusCode, failure);
                }
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s");
            }
            catch (TransferLostException e)
            {
                failure = e.Message;
            }
            catch (ObjectDisposedException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"the transfer took longer than {options.RequestTimeout.TotalSeconds:0.#} s");
            }
        }

        throw new IOException(string.Create(CultureInfo.InvariantCulture, $"'{name}': {failure} (after {options.Attempts} attempts)."));
    }

    /// <summary>Copies the reply's body into <paramref name="destination"/>, which it must fill exactly.</summary>
    /// <exception cref="TransferLostException">the body ended early or the connection broke: worth another attempt.</exception>
    public static async ValueTask ReadBody(HttpResponseMessage response, Memory<byte> destination, bool sync, CancellationToken cancellationToken)
    {
        var done = 0;
        try
        {
            using var stream = sync ? response.Content.ReadAsStream(cancellationToken) : await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (done < destination.Length)
            {
                var read = sync ? stream.Read(destination.Span[done..]) : await stream.ReadAsync(destination[done..], cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                done += read;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new TransferLostException(string.Create(CultureInfo.InvariantCulture, $"the transfer broke after {done} of {destination.Length} bytes: {e.Message}"), e);
        }

        if (done < destination.Length)
        {
            throw new TransferLostException(string.Create(CultureInfo.InvariantCulture, $"the body ended after {done} of {destination.Length} bytes"), null);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static string Describe(HttpResponseMessage response) =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");

    private Exception Final(HttpStatusCode status, string failure) => status switch
    {
        HttpStatusCode.NotFound or HttpStatusCode.Gone => new FileNotFoundException($"'{name}' does not exist on its server ({failure}).", name),
        HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => new UnauthorizedAccessException($"'{name}' cannot be read: the server refuses it ({failure})."),
        HttpStatusCode.PreconditionFailed => new ByteSourceChangedException(name, $"the server reports another version ({failure})"),
        HttpStatusCode.RequestedRangeNotSatisfiable => new ByteSourceChangedException(name, $"the server no longer has the bytes asked for ({failure})"),
        _ => new IOException($"'{name}': {failure}."),
    };
}
