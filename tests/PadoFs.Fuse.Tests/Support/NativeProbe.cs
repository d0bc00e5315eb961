using System.Globalization;
using System.Text;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>
/// Compiles and runs a C program against the installed libfuse3 headers that prints the value of each C expression
/// it is given (sizeof, offsetof, constants) and the bytes of fuse_file_info with one bitfield set.
/// </summary>
internal static class NativeProbe
{
    private const string HeaderDirectory = "/usr/include/fuse3";

    public static IReadOnlyDictionary<string, string> Run(IEnumerable<string> expressions, IEnumerable<string> fileInfoBitfields)
    {
        if (!File.Exists(Path.Combine(HeaderDirectory, "fuse.h")))
        {
            Assert.Fail($"{HeaderDirectory}/fuse.h is missing: the layout tests need the libfuse3 headers (Debian package libfuse3-dev).");
        }

        var directory = Directory.CreateTempSubdirectory("padofs-probe-");
        try
        {
            var source = Path.Combine(directory.FullName, "probe.c");
            var program = Path.Combine(directory.FullName, "probe");
            File.WriteAllText(source, Source(expressions, fileInfoBitfields));
            ProcessResult compiled;
            try
            {
                compiled = Commands.Run("gcc", "-DFUSE_USE_VERSION=312", "-I" + HeaderDirectory, "-o", program, source);
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                Assert.Fail($"gcc cannot be run ({exception.Message}): the layout tests compile C against the libfuse3 headers (Debian packages gcc and libfuse3-dev).");
                throw;
            }

            Assert.True(compiled.ExitCode == 0, $"gcc failed:\n{compiled.Error}");
            return Commands.Output(program)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .ToDictionary(fields => fields[0], fields => fields[1]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Source(IEnumerable<string> expressions, IEnumerable<string> fileInfoBitfields)
    {
        var source = new StringBuilder("""
            #include <fuse.h>
            #include <errno.h>
            #include <fcntl.h>
            #include <stddef.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/mount.h>
            #include <sys/stat.h>
            #include <sys/statvfs.h>
            #include <unistd.h>

            static void dump(const char *name, const void *data, size_t size)
            {
                printf("%s\t", name);
                for (size_t i = 0; i < size; i++)
                    printf("%02x", ((const unsigned char *)data)[i]);
                printf("\n");
            }

            int main(void)
            {
                struct fuse_file_info fi;

            """);
        foreach (var expression in expressions)
        {
            source.Append(CultureInfo.InvariantCulture, $"    printf(\"%s\\t%lld\\n\", \"{expression}\", (long long)({expression}));\n");
        }

        foreach (var field in fileInfoBitfields)
        {
            source.Append(CultureInfo.InvariantCulture, $"    memset(&fi, 0, sizeof fi); fi.{field} = 1; dump(\"{field}\", &fi, sizeof fi);\n");
        }

        return source.Append("    return 0;\n}\n").ToString();
    }
}
