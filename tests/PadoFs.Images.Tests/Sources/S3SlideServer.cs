using PadoFs.Images.Sources;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Sources;

/// <summary>s3rver on loopback with a bucket <c>slides</c> holding the shared TIFF slides under their names.</summary>
public sealed class S3SlideServer : IDisposable
{
    public S3SlideServer()
    {
        Server = new S3rverServer("slides");
        Server.PutSharedTiffSlides();
    }

    public S3rverServer Server { get; }

    /// <summary>The s3fs storage options that reach the server with its key.</summary>
    public IReadOnlyDictionary<string, string> StorageOptions => new Dictionary<string, string>
    {
        ["key"] = S3rverServer.AccessKey,
        ["secret"] = S3rverServer.Secret,
        ["endpoint_url"] = Server.BaseUrl.ToString(),
    };

    public S3StorageOptions Options => S3StorageOptions.From(StorageOptions);

    public void Put(string key, byte[] content) => Server.Put(key, content);

    public void Dispose() => Server.Dispose();
}
