namespace PadoFs.WinFsp.Native;

/// <summary>The NTSTATUS values the callbacks return (ntstatus.h).</summary>
internal static class NtStatus
{
    public const int Success = 0;
    public const int BufferOverflow = unchecked((int)0x80000005);
    public const int EndOfFile = unchecked((int)0xC0000011);
    public const int ObjectNameNotFound = unchecked((int)0xC0000034);
    public const int ObjectPathNotFound = unchecked((int)0xC000003A);
    public const int FileIsADirectory = unchecked((int)0xC00000BA);
    public const int NotADirectory = unchecked((int)0xC0000103);
    public const int InvalidDeviceRequest = unchecked((int)0xC0000010);
    public const int IoDeviceError = unchecked((int)0xC0000185);
    public const int MediaWriteProtected = unchecked((int)0xC00000A2);
}
