using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>C expressions (sizeof, offsetof) paired with what the C# binding says they are.</summary>
internal static class LayoutEntries
{
    public static (string C, long Managed) Size<T>(string cType)
        where T : unmanaged => ($"sizeof({cType})", System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    public static (string C, long Managed) Offset<T>(string cType, string cField, string managedField)
        where T : unmanaged => ($"offsetof({cType}, {cField})", Marshal.OffsetOf<T>(managedField));

    /// <summary>The offset of every field of <paramref name="fields"/>, given as (C name, C# name).</summary>
    public static IEnumerable<(string C, long Managed)> Offsets<T>(string cType, IEnumerable<(string C, string Managed)> fields)
        where T : unmanaged => fields.Select(field => Offset<T>(cType, field.C, field.Managed));
}
