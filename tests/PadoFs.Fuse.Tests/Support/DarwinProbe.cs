using System.Globalization;
using System.Text;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>
/// Compiles C against the transcribed macOS and macFUSE declarations (Darwin/macfuse-darwin.h) with clang for an
/// Apple target, freestanding, to assembly only: nothing is linked or run. Each expression's value is read back from
/// the constant array clang emits, and the bytes of fuse_file_info with one bitfield set from its initializer.
/// </summary>
internal static class DarwinProbe
{
    public const string Compiler = "clang-14";

    /// <summary>The Apple targets the adapter is published for (osx-arm64) or could be (osx-x64).</summary>
    public static readonly string[] Targets = ["arm64-apple-macos11", "x86_64-apple-macos10.15"];

    private static readonly string Declarations = Path.Combine(AppContext.BaseDirectory, "Darwin", "macfuse-darwin.h");

    /// <summary>Each expression and each bitfield's struct bytes (hex), as clang computes them for <paramref name="target"/>.</summary>
    public static IReadOnlyDictionary<string, string> Run(string target, IReadOnlyList<string> expressions, IReadOnlyList<string> fileInfoBitfields)
    {
        Assert.True(File.Exists(Declarations), $"{Declarations} is missing: it is copied next to the test assembly.");
        var source = new StringBuilder("#define offsetof(type, field) __builtin_offsetof(type, field)\n");
        source.Append(CultureInfo.InvariantCulture, $"#include \"{Declarations}\"\n");
        // The leading count keeps the array non-empty (clang pads an empty one) and is checked against the list.
        source.Append(CultureInfo.InvariantCulture, $"const long long probe_values[] = {{\n    {expressions.Count},\n");
        foreach (var expression in expressions)
        {
            source.Append(CultureInfo.InvariantCulture, $"    (long long)({expression}),\n");
        }

        source.Append("};\n");
        foreach (var field in fileInfoBitfields)
        {
            source.Append(CultureInfo.InvariantCulture, $"const struct fuse_file_info probe_{field} = {{ .{field} = 1 }};\n");
        }

        var assembly = Compile(target, source.ToString());
        var values = Data(assembly, "_probe_values");
        Assert.True(
            values.Length == (expressions.Count + 1) * sizeof(long) && BitConverter.ToInt64(values) == expressions.Count,
            $"clang emitted {values.Length} bytes for {expressions.Count} values");
        var result = new Dictionary<string, string>();
        for (var i = 0; i < expressions.Count; i++)
        {
            result[expressions[i]] = BitConverter.ToInt64(values, (i + 1) * sizeof(long)).ToString(CultureInfo.InvariantCulture);
        }

        foreach (var field in fileInfoBitfields)
        {
            result[field] = Convert.ToHexStringLower(Data(assembly, "_probe_" + field));
        }

        return result;
    }

    private static string Compile(string target, string source)
    {
        var directory = Directory.CreateTempSubdirectory("padofs-darwin-probe-");
        try
        {
            var file = Path.Combine(directory.FullName, "probe.c");
            var output = Path.Combine(directory.FullName, "probe.s");
            File.WriteAllText(file, source);
            ProcessResult compiled;
            try
            {
                compiled = Commands.Run(Compiler, "-target", target, "-ffreestanding", "-nostdinc", "-Wall", "-Werror", "-S", "-o", output, file);
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                Assert.Fail($"{Compiler} cannot be run ({exception.Message}): the macOS layout tests compile for Apple targets with it (Debian package clang-14).");
                throw;
            }

            Assert.True(compiled.ExitCode == 0, $"{Compiler} -target {target} failed:\n{compiled.Error}");
            return File.ReadAllText(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // The data directives after a symbol's label, up to the blank line or label that ends it, as little-endian bytes.
    private static byte[] Data(string assembly, string symbol)
    {
        var bytes = new List<byte>();
        var inside = false;
        foreach (var raw in assembly.Split('\n'))
        {
            var line = raw.Split([';', '#'])[0].Trim();
            if (!inside)
            {
                inside = line == symbol + ":";
                continue;
            }

            if (line.Length == 0 || line.EndsWith(':'))
            {
                break;
            }

            var parts = line.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            var value = parts.Length > 1 ? long.Parse(parts[1].Trim(), CultureInfo.InvariantCulture) : 0;
            var size = parts[0] switch
            {
                ".byte" => 1,
                ".short" => 2,
                ".long" => 4,
                ".quad" => 8,
                ".space" or ".zero" => 0,
                _ => throw new InvalidOperationException($"Unexpected directive in {symbol}: {line}"),
            };
            if (size == 0)
            {
                bytes.AddRange(new byte[value]);
            }
            else
            {
                bytes.AddRange(BitConverter.GetBytes(value).AsSpan(0, size).ToArray());
            }
        }

        Assert.True(inside, $"clang emitted no {symbol}");
        return bytes.ToArray();
    }
}
