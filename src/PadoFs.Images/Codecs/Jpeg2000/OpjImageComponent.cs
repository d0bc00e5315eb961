using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary><c>opj_image_comp_t</c> of OpenJPEG 2.5 (<c>openjpeg.h</c>); the layout is checked against the C header by a test.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpjImageComponent
{
    /// <summary>XRsiz: horizontal sample separation on the reference grid.</summary>
    public uint Dx;

    /// <summary>YRsiz: vertical sample separation on the reference grid.</summary>
    public uint Dy;

    /// <summary>Width of <see cref="Data"/> in samples.</summary>
    public uint W;

    /// <summary>Height of <see cref="Data"/> in samples.</summary>
    public uint H;

    public uint X0;

    public uint Y0;

    /// <summary>Bits per sample.</summary>
    public uint Prec;

    /// <summary>Obsolete copy of <see cref="Prec"/>, still part of the layout.</summary>
    public uint Bpp;

    public uint Sgnd;

    public uint ResnoDecoded;

    public uint Factor;

    /// <summary><see cref="W"/> x <see cref="H"/> samples, row by row; null until decoded.</summary>
    public int* Data;

    public ushort Alpha;
}
