using System.Globalization;
using System.Text;
using System.Xml;
using PadoFs.Images;
using PadoFs.Images.Pixels;
using PadoFs.Images.Records;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// The OME-XML document (schema 2016-06) that Bio-Formats' OME-Zarr reader, and so QuPath, takes pixel sizes and
/// channel names and colours from: <c>OME/METADATA.ome.xml</c>, as bioformats2raw writes it. Image <c>i</c>
/// describes the reader's series <c>i</c>; the document holds metadata only, the pixels stay in the arrays.
/// </summary>
internal static class OmeXmlDocument
{
    public const string Folder = "OME";
    public const string FileName = "METADATA.ome.xml";

    private const string Namespace = "http://www.openmicroscopy.org/Schemas/OME/2016-06";
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
    private const string Micrometre = "µm";

    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",

        // The same bytes on every platform: on Windows the writer would otherwise break lines with CR LF.
        NewLineChars = "\n",
    };

    /// <summary>
    /// The document of a slide filed as <paramref name="name"/>: the slide's level 0 (<paramref name="level0"/>, over
    /// OME-NGFF's axes), with the record's mpp, then
    /// its associated images. Bio-Formats' OME-Zarr reader numbers its images as it finds their multiscales: the
    /// slide's at the root first, then those of the groups below in the order of their paths, which is the
    /// order of the associated images' names.
    /// </summary>
    public static byte[] ForSlide(Image image, ArrayGeometry level0, string name, ImageRecord record)
    {
        var sizeC = AxisLength(level0, "c");
        var images = new List<OmeImage>
        {
            new(name, level0.Width, level0.Height, level0.Format, OmeChannel.Of(level0.Format, sizeC, image.Channels), AxisLength(level0, "z"), AxisLength(level0, "t"), record.MppX, record.MppY),
        };
        var associatedNames = image.AssociatedImageNames.ToArray();
        Array.Sort(associatedNames, StringComparer.Ordinal);
        foreach (var associated in associatedNames)
        {
            var (width, height) = image.GetAssociatedImageSize(associated);
            images.Add(new OmeImage(associated, width, height, image.PixelFormat, OmeChannel.Of(image.PixelFormat, image.PixelFormat.Samples, named: [])));
        }

        return ToUtf8(images);
    }

    private static byte[] ToUtf8(List<OmeImage> images)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, s_settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("OME", Namespace);
            writer.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
            writer.WriteAttributeString("schemaLocation", SchemaInstance, $"{Namespace} {Namespace}/ome.xsd");
            writer.WriteAttributeString("Creator", "PadoFs");
            for (var index = 0; index < images.Count; index++)
            {
                WriteImage(writer, index, images[index]);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteImage(XmlWriter writer, int index, OmeImage image)
    {
        writer.WriteStartElement("Image", Namespace);
        writer.WriteAttributeString("ID", Id("Image", index));
        writer.WriteAttributeString("Name", Printable(image.Name));
        writer.WriteStartElement("Pixels", Namespace);
        writer.WriteAttributeString("ID", Id("Pixels", index));

        // The planes are the channels of one z and one time point, so any order names the same planes.
        writer.WriteAttributeString("DimensionOrder", "XYCZT");
        writer.WriteAttributeString("Type", OmePixelType(image.Format.Type));
        writer.WriteAttributeString("SignificantBits", Number(image.Format.BytesPerSample * 8));
        writer.WriteAttributeString("Interleaved", "false");
        writer.WriteAttributeString("BigEndian", "false");
        writer.WriteAttributeString("SizeX", Number(image.Width));
        writer.WriteAttributeString("SizeY", Number(image.Height));
        writer.WriteAttributeString("SizeZ", Number(image.SizeZ));
        writer.WriteAttributeString("SizeC", Number(image.Channels.Count));
        writer.WriteAttributeString("SizeT", Number(image.SizeT));
        if (image is { PhysicalSizeX: { } x, PhysicalSizeY: { } y })
        {
            writer.WriteAttributeString("PhysicalSizeX", x.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteAttributeString("PhysicalSizeXUnit", Micrometre);
            writer.WriteAttributeString("PhysicalSizeY", y.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteAttributeString("PhysicalSizeYUnit", Micrometre);
        }

        var channels = image.Channels;
        for (var channel = 0; channel < channels.Count; channel++)
        {
            writer.WriteStartElement("Channel", Namespace);
            writer.WriteAttributeString("ID", string.Create(CultureInfo.InvariantCulture, $"Channel:{index}:{channel}"));
            writer.WriteAttributeString("Name", channels[channel].Name);
            writer.WriteAttributeString("SamplesPerPixel", "1");
            writer.WriteAttributeString("Color", Number(channels[channel].Color));
            writer.WriteEndElement();
        }

        writer.WriteStartElement("MetadataOnly", Namespace);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    // A folder or associated image name may hold characters XML cannot carry (control characters, a lone
    // surrogate); they become U+FFFD so that one odd name does not keep the slide from opening.
    private static string Printable(string name)
    {
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (i + 1 < name.Length && XmlConvert.IsXmlSurrogatePair(name[i + 1], name[i]))
            {
                builder.Append(name, i, 2);
                i++;
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(name[i]) ? name[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }

    // OME-XML has no half-precision type: such samples are described as the float they widen to without loss.
    private static string OmePixelType(PixelType type) => type switch
    {
        PixelType.Int8 => "int8",
        PixelType.UInt16 => "uint16",
        PixelType.Int16 => "int16",
        PixelType.UInt32 => "uint32",
        PixelType.Int32 => "int32",
        PixelType.Float16 or PixelType.Float32 => "float",
        PixelType.Float64 => "double",
        _ => "uint8",
    };

    private static long AxisLength(ArrayGeometry geometry, string axis)
    {
        var names = geometry.DimensionNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == axis)
            {
                return geometry.Metadata.Shape[i];
            }
        }

        return 1;
    }

    private static string Id(string kind, int index) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{index}");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
