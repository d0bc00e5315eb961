using System.Diagnostics;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PadoFs.Mount;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Session;
using PadoFs.Mount.Tree;

namespace PadoFs.Http;

/// <summary>
/// Answers every request: a path is a node of the session's tree, a method one of the few a read-only server answers.
/// A failure answers the one request it concerns, with a one-line reason, and nothing else.
/// </summary>
internal sealed partial class TreeRequests(MountSession session, HttpServing serving, ILogger accessLog)
{
    /// <summary>What the server answers, for <c>Allow</c>.</summary>
    public const string AllowedMethods = "GET, HEAD, OPTIONS, PROPFIND";

    private readonly CrossOrigin _crossOrigin = new(serving.Origins);
    private readonly RequestToken _token = new(serving.Token);
    private readonly FileResponder _files = new(new EntityTags(session.Config));

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var response = context.Response;
        try
        {
            await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionResetException || context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            // Whatever a node throws fails this request only; the reason is one line.
            var (status, reason) = NodeFailure.Of(e);
            if (response.HasStarted)
            {
                LogAborted(accessLog, request.Method, request.Path.Value, reason);
                context.Abort();
            }
            else
            {
                NodeFailure.Reset(response);
                await NodeFailure.AnswerAsync(context, status, reason).ConfigureAwait(false);
            }
        }

        var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogRequest(accessLog, request.Method, request.Path.Value, response.StatusCode, response.ContentLength ?? 0, took);
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var preflight = _crossOrigin.Apply(context);
        if (preflight)
        {
            return;
        }

        if (HttpMethods.IsOptions(request.Method))
        {
            // Answered without the token: it says what the server is, nothing of what it serves.
            response.Headers.Allow = AllowedMethods;
            response.Headers["DAV"] = "1";
            response.Headers["MS-Author-Via"] = "DAV";
            response.ContentLength = 0;
            return;
        }

        if (!_token.Allows(request))
        {
            response.Headers.WWWAuthenticate = new(["Bearer realm=\"padofs\"", "Basic realm=\"padofs\""]);
            await NodeFailure.AnswerAsync(context, StatusCodes.Status401Unauthorized, "this server needs its token (Authorization: Bearer TOKEN, or the token as a Basic password)").ConfigureAwait(false);
            return;
        }

        var path = request.Path.Value is { Length: > 0 } value ? value : "/";
        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet || HttpMethods.IsHead(request.Method))
        {
            switch (Find(path))
            {
                case MountFile file:
                    await _files.ServeAsync(context, file, path, head: !isGet).ConfigureAwait(false);
                    return;
                case MountDirectory directory:
                    await FolderIndex.ServeAsync(context, directory, path, head: !isGet).ConfigureAwait(false);
                    return;
                default:
                    await NodeFailure.AnswerAsync(context, StatusCodes.Status404NotFound, "no such file or folder").ConfigureAwait(false);
                    return;
            }
        }

        if (request.Method == PropfindRequest.Method)
        {
            await PropfindResponder.AnswerAsync(context, path, Find(path), _files.Tags).ConfigureAwait(false);
            return;
        }

        response.Headers.Allow = AllowedMethods;
        var status = WriteMethods.Contains(request.Method) ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status501NotImplemented;
        await NodeFailure.AnswerAsync(context, status, status == StatusCodes.Status405MethodNotAllowed ? "read-only: slides are served, never changed" : "method not supported").ConfigureAwait(false);
    }

    private MountNode? Find(string path) => session.Tree.Resolve(path);

    private static readonly HashSet<string> WriteMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "PUT", "DELETE", "MKCOL", "MOVE", "COPY", "PROPPATCH", "LOCK", "UNLOCK", "POST", "PATCH",
    };

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {Length} bytes {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string? path, int status, long length, double milliseconds);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "{Method} {Path} cut off after its headers: {Reason}")]
    private static partial void LogAborted(ILogger logger, string method, string? path, string reason);
}
