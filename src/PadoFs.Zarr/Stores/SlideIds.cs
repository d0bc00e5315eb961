namespace PadoFs.Zarr.Stores;

/// <summary>Hands out slide ids for cache keys to stores made without an owner that numbers its slides.</summary>
public static class SlideIds
{
    private static int s_last = int.MinValue / 2;

    public static int Next() => Interlocked.Increment(ref s_last);
}
