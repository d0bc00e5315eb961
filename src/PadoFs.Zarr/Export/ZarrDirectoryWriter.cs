using System.Buffers;

namespace PadoFs.Zarr.Export;

/// <summary>
/// Writes a store to a directory as a real zarr tree, keys in parallel. The tree is written beside the target
/// under a temporary name and renamed into place at the end, so a failed or interrupted export never leaves
/// a folder that looks complete.
/// </summary>
public static class ZarrDirectoryWriter
{
    private const int CopyBufferBytes = 1 << 20;

    public static void Write(Stores.ZarrStore store, string target, IProgress<ExportProgress>? progress = null, int maxParallelism = 0, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var fullTarget = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar));
        if (Directory.Exists(fullTarget) || File.Exists(fullTarget))
        {
            throw new IOException($"'{target}' exists already; export writes a new folder and never overwrites one.");
        }

        var staging = $"{fullTarget}.partial-{Environment.ProcessId}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            WriteKeys(store, staging, progress, maxParallelism, cancellation);
            Directory.Move(staging, fullTarget);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    private static void WriteKeys(Stores.ZarrStore store, string root, IProgress<ExportProgress>? progress, int maxParallelism, CancellationToken cancellation)
    {
        var keys = store.EnumerateKeys().ToList();
        long totalBytes = 0;
        foreach (var key in keys)
        {
            totalBytes += store.GetLength(key);
        }

        foreach (var folder in keys.Select(key => Path.GetDirectoryName(key)).Distinct())
        {
            Directory.CreateDirectory(Path.Combine(root, folder ?? string.Empty));
        }

        long keysWritten = 0, bytesWritten = 0;
        var options = new ParallelOptions
        {
            CancellationToken = cancellation,
            MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount,
        };
        Parallel.ForEach(keys, options, key =>
        {
            var entry = store.Find(key)!;
            // Whole values in one read: without a cache, every read of a chunk decodes it again.
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(CopyBufferBytes, entry.Length));
            try
            {
                using var file = new FileStream(Path.Combine(root, key), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
                file.SetLength(entry.Length);
                for (long offset = 0; offset < entry.Length;)
                {
                    var read = entry.Read(offset, buffer.AsSpan(0, (int)(entry.Length - offset)));
                    if (read == 0)
                    {
                        throw new IOException($"Key '{key}' ended after {offset} of {entry.Length} bytes.");
                    }

                    file.Write(buffer, 0, read);
                    offset += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            progress?.Report(new ExportProgress(
                Interlocked.Increment(ref keysWritten), keys.Count, Interlocked.Add(ref bytesWritten, entry.Length), totalBytes));
        });
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The original failure matters more than leftovers of a folder named .partial.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
