using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// <c>opj_dparameters_t</c> of OpenJPEG 2.5 (<c>openjpeg.h</c>). Only filled with the library's defaults and handed
/// back, but its size must be exact since the library writes all of it; a test checks it against the C header.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpjDecoderParameters
{
    /// <summary>OPJ_PATH_LEN.</summary>
    public const int PathLength = 4096;

    public uint CpReduce;
    public uint CpLayer;
    public fixed byte InFile[PathLength];
    public fixed byte OutFile[PathLength];
    public int DecodFormat;
    public int CodFormat;
    public uint DaX0;
    public uint DaX1;
    public uint DaY0;
    public uint DaY1;
    public int MVerbose;
    public uint TileIndex;
    public uint NbTileToDecode;
    public int JpwlCorrect;
    public int JpwlExpComps;
    public int JpwlMaxTiles;
    public uint Flags;
}
