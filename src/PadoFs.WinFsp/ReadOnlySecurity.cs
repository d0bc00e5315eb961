using System.Buffers.Binary;

namespace PadoFs.WinFsp;

/// <summary>
/// The one security descriptor every file and folder of the volume has, in self-relative form: owned by the
/// Administrators group, with a protected DACL that lets everyone read, list and traverse and nobody write.
/// </summary>
internal static class ReadOnlySecurity
{
    /// <summary>FILE_GENERIC_READ | FILE_GENERIC_EXECUTE (winnt.h).</summary>
    public const uint ReadAndExecute = 0x001200A9;

    private const ushort SelfRelative = 0x8000;
    private const ushort DaclPresent = 0x0004;
    private const ushort DaclProtected = 0x1000;
    private const int HeaderSize = 20;
    private const int AdministratorsSidSize = 16;
    private const int EveryoneSidSize = 12;
    private const int AclHeaderSize = 8;
    private const int AceHeaderSize = 8;

    /// <summary>The descriptor's bytes, as GetSecurityByName copies them out.</summary>
    public static ReadOnlySpan<byte> Descriptor => s_descriptor;

    private static readonly byte[] s_descriptor = Build();

    private static byte[] Build()
    {
        const int ownerOffset = HeaderSize;
        const int groupOffset = ownerOffset + AdministratorsSidSize;
        const int daclOffset = groupOffset + AdministratorsSidSize;
        const int aceSize = AceHeaderSize + EveryoneSidSize;
        const int aclSize = AclHeaderSize + aceSize;
        var bytes = new byte[daclOffset + aclSize];
        var span = bytes.AsSpan();

        span[0] = 1; // SECURITY_DESCRIPTOR_REVISION
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], SelfRelative | DaclPresent | DaclProtected);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], ownerOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], groupOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], daclOffset);
        WriteAdministrators(span[ownerOffset..]);
        WriteAdministrators(span[groupOffset..]);

        var acl = span[daclOffset..];
        acl[0] = 2; // ACL_REVISION
        BinaryPrimitives.WriteUInt16LittleEndian(acl[2..], aclSize);
        BinaryPrimitives.WriteUInt16LittleEndian(acl[4..], 1);

        var ace = acl[AclHeaderSize..];
        ace[0] = 0; // ACCESS_ALLOWED_ACE_TYPE
        BinaryPrimitives.WriteUInt16LittleEndian(ace[2..], aceSize);
        BinaryPrimitives.WriteUInt32LittleEndian(ace[4..], ReadAndExecute);
        WriteSid(ace[AceHeaderSize..], authority: 1, [0]); // S-1-1-0, Everyone
        return bytes;
    }

    // S-1-5-32-544, BUILTIN\Administrators.
    private static void WriteAdministrators(Span<byte> destination) => WriteSid(destination, authority: 5, [32, 544]);

    private static void WriteSid(Span<byte> destination, byte authority, ReadOnlySpan<uint> subAuthorities)
    {
        destination[0] = 1; // SID_REVISION
        destination[1] = (byte)subAuthorities.Length;
        destination[7] = authority; // the 48-bit identifier authority, big-endian
        for (var i = 0; i < subAuthorities.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(8 + (4 * i))..], subAuthorities[i]);
        }
    }
}
