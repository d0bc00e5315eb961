using Amazon.S3;
using Amazon.S3.Model;
using PadoFs.Images.Sources;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Sources;

/// <summary>s3rver on loopback with a bucket <c>slides</c> holding the shared TIFF slides under their names.</summary>
public sealed class S3SlideServer : IDisposable
{
    public S3SlideServer()
    {
        Server = new S3rverServer("slides");
        foreach (var name in SharedSlides.TiffFiles)
        {
            Put(name, File.ReadAllBytes(SharedSlides.PathOf(name)));
        }
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

    public void Put(string key, byte[] content)
    {
        var client = S3Clients.For(Options, RemoteReadOptions.Default);
        using var body = new MemoryStream(content);
        client.PutObjectAsync(new PutObjectRequest { BucketName = Server.Bucket, Key = key, InputStream = body, UseChunkEncoding = false })
            .GetAwaiter().GetResult();
    }

    public void Dispose() => Server.Dispose();
}
