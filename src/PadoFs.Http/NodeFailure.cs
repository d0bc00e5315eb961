using System.Text;
using Microsoft.AspNetCore.Http;
using PadoFs.Mount;

namespace PadoFs.Http;

/// <summary>What a failed request answers: the status its cause stands for and a one-line reason.</summary>
internal static class NodeFailure
{
    public static (int Status, string Reason) Of(Exception failure)
    {
        var mounted = MountFailureException.From(failure);
        var status = mounted.Kind switch
        {
            MountFailureKind.NotFound => StatusCodes.Status404NotFound,
            MountFailureKind.AccessDenied => StatusCodes.Status403Forbidden,
            MountFailureKind.Ended => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status502BadGateway,
        };
        return (status, OneLine(mounted.Message));
    }

    /// <summary>Drops what a request that failed had set of its answer, but the cross-origin headers.</summary>
    public static void Reset(HttpResponse response)
    {
        var crossOrigin = CrossOrigin.Kept(response.Headers);
        response.Clear();
        foreach (var (name, value) in crossOrigin)
        {
            response.Headers[name] = value;
        }
    }

    /// <summary>Answers <paramref name="status"/> with <paramref name="reason"/> as a plain-text line.</summary>
    public static Task AnswerAsync(HttpContext context, int status, string reason)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/plain; charset=utf-8";
        var body = Encoding.UTF8.GetBytes($"padofs: {OneLine(reason)}\n");
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
