namespace PadoFs.Images.Tiff;

/// <summary>Codes of the tags the reader interprets; every other tag is kept as it is.</summary>
public static class TiffTagCode
{
    public const ushort NewSubfileType = 254;
    public const ushort SubfileType = 255;
    public const ushort ImageWidth = 256;
    public const ushort ImageLength = 257;
    public const ushort BitsPerSample = 258;
    public const ushort Compression = 259;
    public const ushort Photometric = 262;
    public const ushort FillOrder = 266;
    public const ushort DocumentName = 269;
    public const ushort ImageDescription = 270;
    public const ushort Make = 271;
    public const ushort Model = 272;
    public const ushort StripOffsets = 273;
    public const ushort SamplesPerPixel = 277;
    public const ushort RowsPerStrip = 278;
    public const ushort StripByteCounts = 279;
    public const ushort XResolution = 282;
    public const ushort YResolution = 283;
    public const ushort PlanarConfiguration = 284;
    public const ushort XPosition = 286;
    public const ushort YPosition = 287;
    public const ushort ResolutionUnit = 296;
    public const ushort Software = 305;
    public const ushort DateTime = 306;
    public const ushort Artist = 315;
    public const ushort HostComputer = 316;
    public const ushort Predictor = 317;
    public const ushort TileWidth = 322;
    public const ushort TileLength = 323;
    public const ushort TileOffsets = 324;
    public const ushort TileByteCounts = 325;
    public const ushort SubIfds = 330;
    public const ushort ExtraSamples = 338;
    public const ushort SampleFormat = 339;
    public const ushort JpegTables = 347;
    public const ushort JpegProc = 512;
    public const ushort JpegInterchangeFormat = 513;
    public const ushort JpegRestartInterval = 515;
    public const ushort JpegQTables = 519;
    public const ushort JpegDcTables = 520;
    public const ushort JpegAcTables = 521;
    public const ushort YCbCrCoefficients = 529;
    public const ushort YCbCrSubSampling = 530;
    public const ushort ReferenceBlackWhite = 532;
    public const ushort Copyright = 33432;
}
