namespace PadoFs.Images.Tiff;

/// <summary>A group of alike pages while generic series are being assembled into pyramids.</summary>
internal sealed class SeriesCandidate
{
    private const int MaxSubresolutionLevel = 16;

    public SeriesCandidate(List<TiffPage> pages)
    {
        Pages = pages;
        Levels = [this];
        var page = pages[0];
        var axes = "I" + page.Axes;
        var shape = new List<long>(page.Shape.Count + 2) { pages.Count };
        shape.AddRange(page.Shape);
        if (!axes.Contains('S', StringComparison.Ordinal))
        {
            axes += "S";
            shape.Add(1);
        }

        (Axes, Shape) = Squeeze(axes, shape);
        Name = string.Empty;
    }

    /// <summary>A series whose metadata states its axes and shape (kept as stated, not squeezed) and its name.</summary>
    public SeriesCandidate(List<TiffPage> pages, string axes, long[] shape, string name)
    {
        Pages = pages;
        Levels = [this];
        Axes = axes;
        Shape = shape;
        Name = name;
    }

    public List<TiffPage> Pages { get; }

    public List<SeriesCandidate> Levels { get; }

    public string Axes { get; }

    public long[] Shape { get; }

    public string Name { get; }

    /// <summary>The series with its levels, each level's planes its pages.</summary>
    public TiffSeries ToSeries(string kind) =>
        new(Name, kind, Axes, Shape, Pages, Levels.ConvertAll(l => l.Pages[0]), Levels.ConvertAll(l => (IReadOnlyList<TiffPage?>)l.Pages));

    /// <summary>
    /// How many times <paramref name="other"/> is this image reduced by <paramref name="factor"/> (each spatial size
    /// within one pixel of this size divided by factor^level, all by the same level); null when it is not a reduction.
    /// </summary>
    public int? SubresolutionLevel(SeriesCandidate other, int factor)
    {
        var page = Pages[0];
        var otherPage = other.Pages[0];
        if (Axes != other.Axes || page.SampleFormat != otherPage.SampleFormat || page.BitsPerSample != otherPage.BitsPerSample)
        {
            return null;
        }

        int? level = null;
        for (var i = 0; i < Axes.Length; i++)
        {
            var size = Shape[i];
            var otherSize = other.Shape[i];
            if (Axes[i] is not ('X' or 'Y' or 'Z'))
            {
                if (size != otherSize)
                {
                    return null;
                }

                continue;
            }

            if (level is null)
            {
                level = FindLevel(size, otherSize, factor);
                if (level is null)
                {
                    return null;
                }
            }
            else
            {
                var divisor = Math.Pow(factor, level.Value);
                if (divisor > size || Math.Abs((size / divisor) - otherSize) >= 1.0)
                {
                    return null;
                }
            }
        }

        return level;
    }

    private static int? FindLevel(long size, long otherSize, int factor)
    {
        for (var level = 0; level < MaxSubresolutionLevel; level++)
        {
            var divisor = Math.Pow(factor, level);
            if (divisor > size)
            {
                return null;
            }

            if (Math.Abs((size / divisor) - otherSize) < 1.0)
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>The axes and shape without the axes of length 1, Y and X excepted, as tifffile squeezes a series.</summary>
    public static (string Axes, long[] Shape) Squeeze(string axes, List<long> shape)
    {
        var keptAxes = new System.Text.StringBuilder(axes.Length);
        var keptShape = new List<long>(shape.Count);
        for (var i = 0; i < axes.Length; i++)
        {
            if (shape[i] != 1 || axes[i] is 'X' or 'Y')
            {
                keptAxes.Append(axes[i]);
                keptShape.Add(shape[i]);
            }
        }

        return (keptAxes.ToString(), keptShape.ToArray());
    }
}
