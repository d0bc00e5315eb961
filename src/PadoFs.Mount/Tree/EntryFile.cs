using PadoFs.Images.Files;
using PadoFs.Mount.Slides;
using PadoFs.Zarr.Stores;

namespace PadoFs.Mount.Tree;

/// <summary>A file of a slide's zarr tree: a metadata document or a chunk, read through the slide's store.</summary>
public sealed class EntryFile(string name, DateTimeOffset modified, ZarrEntry entry, MountedSlide slide, MountStatistics statistics)
    : MountFile(name, modified)
{
    public override FileReaders? Readers => slide.Readers;

    public override FileIdentity? SourceVersion => slide.OpenedVersion;

    public override long Length => entry.Length;

    public override int Read(long offset, Span<byte> destination)
    {
        try
        {
            slide.ThrowIfChanged();
            var read = entry.Read(offset, destination);
            statistics.CountRead(read);
            return read;
        }
        catch (Exception e)
        {
            throw Failed(e);
        }
    }

    public override ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            slide.ThrowIfChanged();
            var pending = entry.ReadAsync(offset, destination, cancellationToken);
            if (pending.IsCompletedSuccessfully)
            {
                statistics.CountRead(pending.Result);
                return pending;
            }

            return CountedAsync(pending);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failed(e);
        }
    }

    private async ValueTask<int> CountedAsync(ValueTask<int> pending)
    {
        try
        {
            var read = await pending.ConfigureAwait(false);
            statistics.CountRead(read);
            return read;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failed(e);
        }
    }

    // Whatever decoding a chunk of this slide throws fails this read of this slide, never the daemon. A slide
    // reopened after an idle close can fail too (its file replaced or gone): the same failure, logged by the slide.
    private MountFailureException Failed(Exception e)
    {
        statistics.CountFailure();
        if (e is MountFailureException reported)
        {
            // The slide reported this failure when it happened (a change, an open that failed); not again per read.
            return reported;
        }

        slide.ReportReadFailure(e);
        return MountFailureException.From(e);
    }
}
