using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using PadoFs.Images.Codecs.Jpeg2000;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs.Jpeg2000;

/// <summary>
/// The structs shared with OpenJPEG have the size and field offsets of the C header: a C program compiled with gcc
/// against the installed openjpeg.h (Debian libopenjp2-7-dev) prints them.
/// </summary>
[Trait("Category", "Fast")]
public sealed class OpenJpegLayoutTests
{
    private const string FallbackIncludeDirectory = "/usr/include/openjpeg-2.5";

    public static TheoryData<string> Structs => ["opj_image_t", "opj_image_comp_t", "opj_dparameters_t"];

    private static readonly Dictionary<string, (Type Type, int Size, (string C, string Managed)[] Fields)> s_layouts = new()
    {
        ["opj_image_t"] = (typeof(OpjImage), Unsafe.SizeOf<OpjImage>(),
        [
            ("x0", nameof(OpjImage.X0)), ("y0", nameof(OpjImage.Y0)), ("x1", nameof(OpjImage.X1)), ("y1", nameof(OpjImage.Y1)),
            ("numcomps", nameof(OpjImage.NumComps)), ("color_space", nameof(OpjImage.ColorSpace)), ("comps", nameof(OpjImage.Comps)),
            ("icc_profile_buf", nameof(OpjImage.IccProfileBuf)), ("icc_profile_len", nameof(OpjImage.IccProfileLen)),
        ]),
        ["opj_image_comp_t"] = (typeof(OpjImageComponent), Unsafe.SizeOf<OpjImageComponent>(),
        [
            ("dx", nameof(OpjImageComponent.Dx)), ("dy", nameof(OpjImageComponent.Dy)), ("w", nameof(OpjImageComponent.W)),
            ("h", nameof(OpjImageComponent.H)), ("x0", nameof(OpjImageComponent.X0)), ("y0", nameof(OpjImageComponent.Y0)),
            ("prec", nameof(OpjImageComponent.Prec)), ("bpp", nameof(OpjImageComponent.Bpp)), ("sgnd", nameof(OpjImageComponent.Sgnd)),
            ("resno_decoded", nameof(OpjImageComponent.ResnoDecoded)), ("factor", nameof(OpjImageComponent.Factor)),
            ("data", nameof(OpjImageComponent.Data)), ("alpha", nameof(OpjImageComponent.Alpha)),
        ]),
        ["opj_dparameters_t"] = (typeof(OpjDecoderParameters), Unsafe.SizeOf<OpjDecoderParameters>(),
        [
            ("cp_reduce", nameof(OpjDecoderParameters.CpReduce)), ("cp_layer", nameof(OpjDecoderParameters.CpLayer)),
            ("infile", nameof(OpjDecoderParameters.InFile)), ("outfile", nameof(OpjDecoderParameters.OutFile)),
            ("decod_format", nameof(OpjDecoderParameters.DecodFormat)), ("cod_format", nameof(OpjDecoderParameters.CodFormat)),
            ("DA_x0", nameof(OpjDecoderParameters.DaX0)), ("DA_x1", nameof(OpjDecoderParameters.DaX1)),
            ("DA_y0", nameof(OpjDecoderParameters.DaY0)), ("DA_y1", nameof(OpjDecoderParameters.DaY1)),
            ("m_verbose", nameof(OpjDecoderParameters.MVerbose)), ("tile_index", nameof(OpjDecoderParameters.TileIndex)),
            ("nb_tile_to_decode", nameof(OpjDecoderParameters.NbTileToDecode)), ("jpwl_correct", nameof(OpjDecoderParameters.JpwlCorrect)),
            ("jpwl_exp_comps", nameof(OpjDecoderParameters.JpwlExpComps)), ("jpwl_max_tiles", nameof(OpjDecoderParameters.JpwlMaxTiles)),
            ("flags", nameof(OpjDecoderParameters.Flags)),
        ]),
    };

    private static readonly Lazy<Dictionary<string, long>> s_native = new(CompileAndRunLayoutProgram);

    [Theory]
    [MemberData(nameof(Structs))]
    public void Struct_has_the_size_and_offsets_of_the_C_header(string name)
    {
        var (type, size, fields) = s_layouts[name];
        var native = s_native.Value;

        Assert.Equal(native[$"{name}.sizeof"], size);
        Assert.Equal(size, Marshal.SizeOf(type));
        foreach (var (c, managed) in fields)
        {
            Assert.True(native[$"{name}.{c}"] == Marshal.OffsetOf(type, managed), $"{name}.{c} is at {native[$"{name}.{c}"]}, {type.Name}.{managed} at {Marshal.OffsetOf(type, managed)}");
        }
    }

    [Fact]
    public void The_library_is_version_2()
    {
        Assert.StartsWith("2.", OpenJpegNative.Version(), StringComparison.Ordinal);
    }

    private static Dictionary<string, long> CompileAndRunLayoutProgram()
    {
        using var directory = new TemporaryDirectory();
        var source = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <openjpeg.h>\nint main(void) {\n");
        foreach (var (name, (_, _, fields)) in s_layouts)
        {
            source.Append(System.Globalization.CultureInfo.InvariantCulture, $"  printf(\"{name}.sizeof %zu\\n\", sizeof({name}));\n");
            foreach (var (c, _) in fields)
            {
                source.Append(System.Globalization.CultureInfo.InvariantCulture, $"  printf(\"{name}.{c} %zu\\n\", offsetof({name}, {c}));\n");
            }
        }

        source.Append("  return 0;\n}\n");
        File.WriteAllText(directory.File("layout.c"), source.ToString());

        var include = Run("pkg-config", ["--cflags-only-I", "libopenjp2"], allowFailure: true)?.Trim();
        var includeArgument = string.IsNullOrEmpty(include) ? "-I" + FallbackIncludeDirectory : include;
        Assert.True(
            File.Exists(Path.Combine(includeArgument[2..], "openjpeg.h")),
            $"openjpeg.h is missing under {includeArgument[2..]}: install libopenjp2-7-dev (apt-get install libopenjp2-7-dev).");
        Run("gcc", ["-w", includeArgument, "-o", directory.File("layout"), directory.File("layout.c")], allowFailure: false);

        return Run(directory.File("layout"), [], allowFailure: false)!
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? Run(string program, string[] arguments, bool allowFailure)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception) when (allowFailure)
        {
            return null;
        }

        using (process)
        {
            Assert.NotNull(process);
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Assert.True(allowFailure, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
                return null;
            }

            return output;
        }
    }
}
