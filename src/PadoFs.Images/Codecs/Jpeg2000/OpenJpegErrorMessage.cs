using System.Runtime.InteropServices;
using System.Text;

namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// Keeps the first error message OpenJPEG reports through its error handler (the later ones follow from it), as
/// OpenSlide does. The handler runs inside OpenJPEG, so it only copies bytes: the string is made when a decode fails.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpenJpegErrorMessage
{
    private const int Capacity = 512;

    private fixed byte _text[Capacity];
    private int _length;

    public static delegate* unmanaged<byte*, void*, void> Handler => &Record;

    /// <summary>Forgets the message, as after a step that succeeded although OpenJPEG complained on the way.</summary>
    public void Clear() => _length = 0;

    /// <summary>The message without its line break, or <paramref name="fallback"/> when OpenJPEG said nothing.</summary>
    public readonly string TextOr(string fallback)
    {
        fixed (byte* text = _text)
        {
            var message = Encoding.UTF8.GetString(text, _length).TrimEnd();
            return message.Length == 0 ? fallback : message;
        }
    }

    [UnmanagedCallersOnly]
    private static void Record(byte* message, void* clientData)
    {
        var self = (OpenJpegErrorMessage*)clientData;
        if (self->_length != 0 || message == null)
        {
            return;
        }

        var length = 0;
        while (length < Capacity && message[length] != 0)
        {
            self->_text[length] = message[length];
            length++;
        }

        self->_length = length;
    }
}
