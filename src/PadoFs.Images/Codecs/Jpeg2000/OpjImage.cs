using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary><c>opj_image_t</c> of OpenJPEG 2.5 (<c>openjpeg.h</c>); the layout is checked against the C header by a test.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpjImage
{
    /// <summary>XOsiz: left edge of the image area on the reference grid.</summary>
    public uint X0;

    /// <summary>YOsiz: top edge of the image area on the reference grid.</summary>
    public uint Y0;

    /// <summary>Xsiz: right edge of the reference grid (the width when <see cref="X0"/> is 0).</summary>
    public uint X1;

    /// <summary>Ysiz: bottom edge of the reference grid (the height when <see cref="Y0"/> is 0).</summary>
    public uint Y1;

    public uint NumComps;

    /// <summary>OPJ_COLOR_SPACE, an enum (int).</summary>
    public int ColorSpace;

    public OpjImageComponent* Comps;

    public byte* IccProfileBuf;

    public uint IccProfileLen;
}
