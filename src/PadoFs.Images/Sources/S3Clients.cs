using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.S3;

namespace PadoFs.Images.Sources;

/// <summary>
/// One S3 client per distinct way of reaching S3, shared by every object read that way: its connection pool and
/// credentials are set up once. The SDK retries server errors and throttling with its standard backoff.
/// </summary>
public static class S3Clients
{
    private static readonly ConcurrentDictionary<(S3StorageOptions, RemoteReadOptions), Lazy<IAmazonS3>> s_clients = new();

    public static IAmazonS3 For(S3StorageOptions storage, RemoteReadOptions options) =>
        s_clients.GetOrAdd((storage, options), static key => new Lazy<IAmazonS3>(() => Create(key.Item1, key.Item2))).Value;

    private static AmazonS3Client Create(S3StorageOptions storage, RemoteReadOptions options)
    {
        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = Math.Max(0, options.Attempts - 1),
            Timeout = options.RequestTimeout,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (storage.EndpointUrl is { } endpoint)
        {
            // An endpoint of its own (MinIO, Ceph, a loopback server) addresses buckets by path, not by host name.
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = storage.Region ?? "us-east-1";
        }
        else if (storage.Region is { } region)
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }

        AWSCredentials? credentials = storage switch
        {
            { Anonymous: true } => new AnonymousAWSCredentials(),
            { Key: { } key, Secret: { } secret, Token: { } token } => new SessionAWSCredentials(key, secret, token),
            { Key: { } key, Secret: { } secret } => new BasicAWSCredentials(key, secret),
            _ => null,
        };
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
