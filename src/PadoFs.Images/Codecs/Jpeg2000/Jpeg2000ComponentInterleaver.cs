namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// Turns OpenJPEG's three decoded components (one int array each, possibly subsampled) into interleaved RGB8 the way
/// OpenSlide 3.4 does: the subsampling of a component is the tile size divided by its size (integer division), a pixel
/// takes the sample at its position divided by that, and a sample keeps only its low 8 bits whatever its precision.
/// Unlike OpenSlide, sizes that would make it read outside a component are rejected instead of read.
/// </summary>
internal static unsafe class Jpeg2000ComponentInterleaver
{
    private const int ComponentCount = 3;

    /// <exception cref="TileDecodeException">a component is missing or too small for the tile.</exception>
    public static void Interleave(OpjImageComponent* components, AperioJpeg2000Compression compression, int width, int height, Span<byte> destination)
    {
        Span<Plane> planes = stackalloc Plane[ComponentCount];
        for (var c = 0; c < ComponentCount; c++)
        {
            planes[c] = Plane.Of(components[c], c, width, height);
        }

        if (compression == AperioJpeg2000Compression.Rgb && planes[0].IsFull && planes[1].IsFull && planes[2].IsFull)
        {
            InterleaveFull(planes, width * height, destination);
            return;
        }

        for (var y = 0; y < height; y++)
        {
            var row = destination.Slice(y * width * ComponentCount, width * ComponentCount);
            for (var x = 0; x < width; x++)
            {
                var pixel = row.Slice(x * ComponentCount, ComponentCount);
                var first = planes[0].At(x, y);
                var second = planes[1].At(x, y);
                var third = planes[2].At(x, y);
                if (compression == AperioJpeg2000Compression.YCbCr)
                {
                    AperioYCbCr.ToRgb(first, second, third, pixel);
                }
                else
                {
                    pixel[0] = first;
                    pixel[1] = second;
                    pixel[2] = third;
                }
            }
        }
    }

    private static void InterleaveFull(ReadOnlySpan<Plane> planes, int pixels, Span<byte> destination)
    {
        var red = new ReadOnlySpan<int>(planes[0].Data, pixels);
        var green = new ReadOnlySpan<int>(planes[1].Data, pixels);
        var blue = new ReadOnlySpan<int>(planes[2].Data, pixels);
        var rgb = destination[..(pixels * ComponentCount)];
        for (var i = 0; i < pixels; i++)
        {
            rgb[i * ComponentCount] = (byte)red[i];
            rgb[(i * ComponentCount) + 1] = (byte)green[i];
            rgb[(i * ComponentCount) + 2] = (byte)blue[i];
        }
    }

    /// <summary>One decoded component and its subsampling relative to the tile.</summary>
    private readonly struct Plane
    {
        private Plane(int* data, int width, int subsamplingX, int subsamplingY)
        {
            Data = data;
            Width = width;
            SubsamplingX = subsamplingX;
            SubsamplingY = subsamplingY;
        }

        public int* Data { get; }

        public int Width { get; }

        public int SubsamplingX { get; }

        public int SubsamplingY { get; }

        public bool IsFull => SubsamplingX == 1 && SubsamplingY == 1;

        public static Plane Of(in OpjImageComponent component, int index, int tileWidth, int tileHeight)
        {
            if (component.Data == null || component.W == 0 || component.H == 0 || component.W > tileWidth || component.H > tileHeight)
            {
                throw new TileDecodeException(Jpeg2000TileDecoder.CodecName, $"component {index} is {component.W} x {component.H} samples{(component.Data == null ? " without data" : "")}, which does not fit a {tileWidth} x {tileHeight} tile");
            }

            var subsamplingX = tileWidth / (int)component.W;
            var subsamplingY = tileHeight / (int)component.H;
            if ((tileWidth - 1) / subsamplingX >= component.W || (tileHeight - 1) / subsamplingY >= component.H)
            {
                throw new TileDecodeException(Jpeg2000TileDecoder.CodecName, $"component {index} is {component.W} x {component.H} samples, too few for a {tileWidth} x {tileHeight} tile");
            }

            return new Plane(component.Data, (int)component.W, subsamplingX, subsamplingY);
        }

        public byte At(int x, int y) => (byte)Data[((y / SubsamplingY) * Width) + (x / SubsamplingX)];
    }
}
