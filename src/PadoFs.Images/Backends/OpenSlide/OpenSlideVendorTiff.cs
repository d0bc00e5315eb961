using System.Text;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Recognises the TIFF-based vendor formats OpenSlide reads, by the marks OpenSlide's own detection looks for in
/// the first directory: Hamamatsu NDPI (tag 65420), Trestle (Software "MedScan..."), Aperio (tiled, ImageDescription
/// "Aperio..."), Leica SCN (tiled, ImageDescription naming a Leica SCN namespace), Philips (Software "Philips...",
/// ImageDescription a DPUfsImport DataObject) and Ventana (XMLPacket naming iScan). Any other TIFF is what OpenSlide
/// calls generic-tiff: plain, OME and other TIFFs, which pado reads through tifffile.
/// </summary>
internal static class OpenSlideVendorTiff
{
    private const int NdpiFormatFlag = 65420;
    private const int XmlPacket = 700;
    private static readonly string[] s_leicaNamespaces =
        ["http://www.leica-microsystems.com/scn/2010/03/10", "http://www.leica-microsystems.com/scn/2010/10/01"];

    /// <summary>OpenSlide's name of the vendor format <paramref name="tiff"/> is written in, or null for none.</summary>
    public static string? Detect(TiffFile tiff)
    {
        if (tiff.Pages.Count == 0)
        {
            return null;
        }

        var page = tiff.Pages[0];
        var description = Text(tiff, page, TiffTagCode.ImageDescription);
        var software = Text(tiff, page, TiffTagCode.Software);
        if (page.TryGetTag(NdpiFormatFlag, out _))
        {
            return "hamamatsu";
        }

        if (software.StartsWith("MedScan", StringComparison.Ordinal))
        {
            return "trestle";
        }

        if (page.IsTiled && description.StartsWith("Aperio", StringComparison.Ordinal))
        {
            return "aperio";
        }

        if (page.IsTiled && (description.Contains(s_leicaNamespaces[0], StringComparison.Ordinal) || description.Contains(s_leicaNamespaces[1], StringComparison.Ordinal)))
        {
            return "leica";
        }

        if (software.StartsWith("Philips", StringComparison.Ordinal) && description.Contains("DataObject", StringComparison.Ordinal) && description.Contains("DPUfsImport", StringComparison.Ordinal))
        {
            return "philips";
        }

        return page.TryGetTag(XmlPacket, out var packet) && Encoding.Latin1.GetString(tiff.ReadTagValue(packet)).Contains("iScan", StringComparison.Ordinal)
            ? "ventana"
            : null;
    }

    private static string Text(TiffFile tiff, TiffPage page, int code) =>
        page.TryGetTag(code, out var tag) && tag.Type == TiffTagType.Ascii ? tiff.ReadTagString(tag) : string.Empty;
}
