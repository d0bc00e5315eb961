using PadoFs.Zarr.Caching;
using PadoFs.Zarr.Formats;

namespace PadoFs.Zarr.Stores;

/// <summary>How a slide becomes a zarr group.</summary>
public sealed record SlideStoreOptions
{
    public ZarrLayout Layout { get; init; } = ZarrLayout.Pado;

    /// <summary>The zarr format the group is written in.</summary>
    public ZarrFormat Format { get; init; } = ZarrFormat.V2;

    /// <summary>Where decoded chunks come from; by default nothing is kept.</summary>
    public IChunkCache Cache { get; init; } = UncachedChunks.Instance;

    /// <summary>The slide's id in cache keys: stable ids let a reopened slide find its chunks again.</summary>
    public int SlideId { get; init; } = SlideIds.Next();

    /// <summary>Lends the image to chunk decodes; by default the image given to the store, which must stay open.</summary>
    public IImageLender? Lender { get; init; }

    /// <summary>The image id written into the group's pado record, when the image is filed under one.</summary>
    public IReadOnlyList<string>? ImageId { get; init; }
}
