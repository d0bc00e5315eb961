using System.Globalization;
using System.Text;

namespace PadoFs.Mount.Datasets;

/// <summary>
/// Reads the string form pado stores an <c>ImageId</c> as (<c>ImageId.to_str()</c>, its Python repr):
/// <c>ImageId('site-a', 'case-17', 'slide.svs', site='x')</c>. It takes what Python would evaluate to the same
/// ImageId from string literals alone: single, double and triple quotes, the <c>r</c> and <c>u</c> prefixes,
/// adjacent literals joined, every backslash escape of a Python string but named ones (<c>\N{...}</c>), any unicode,
/// <c>site=</c> last (or <c>site=None</c>), a trailing comma. Nothing is evaluated.
/// </summary>
public static class ImageIdRepr
{
    private const string Prefix = "ImageId(";

    /// <summary>The ImageId <paramref name="text"/> holds, or null with the reason in <paramref name="problem"/>.</summary>
    public static PadoImageId? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || !text.EndsWith(')'))
        {
            problem = "is not an ImageId(...)";
            return null;
        }

        var cursor = new Cursor(text, Prefix.Length);
        var parts = new List<string>();
        string? site = null;
        var siteGiven = false;
        while (true)
        {
            cursor.SkipSpace();
            if (cursor.Peek == ')')
            {
                cursor.Advance();
                break;
            }

            if (siteGiven)
            {
                problem = $"has more after site= at {cursor.Column}: site must come last";
                return null;
            }

            if (cursor.TakeWord("site"))
            {
                cursor.SkipSpace();
                if (!cursor.Take('='))
                {
                    problem = $"expects '=' after site at {cursor.Column}";
                    return null;
                }

                cursor.SkipSpace();
                siteGiven = true;
                if (cursor.TakeWord("None"))
                {
                    site = null;
                }
                else if ((site = cursor.ReadStrings(out problem)) is null)
                {
                    return null;
                }
            }
            else
            {
                var part = cursor.ReadStrings(out problem);
                if (part is null)
                {
                    return null;
                }

                parts.Add(part);
            }

            cursor.SkipSpace();
            if (cursor.Take(','))
            {
                continue;
            }

            if (cursor.Peek != ')')
            {
                problem = cursor.AtEnd ? "ends before its closing ')'" : $"expects ',' or ')' at {cursor.Column}, not '{cursor.Peek}'";
                return null;
            }
        }

        if (!cursor.AtEnd)
        {
            problem = $"has more after its closing ')' at {cursor.Column - 1}";
            return null;
        }

        if (parts.Count == 0)
        {
            problem = "has no parts";
            return null;
        }

        problem = null;
        return new PadoImageId(parts, site);
    }

    /// <summary>A position in the text being read.</summary>
    private sealed class Cursor(string text, int position)
    {
        private int _position = position;

        public bool AtEnd => _position >= text.Length;

        public char Peek => AtEnd ? '\0' : text[_position];

        /// <summary>The position counted from 1, as an error names it.</summary>
        public int Column => _position + 1;

        public void Advance() => _position++;

        public bool Take(char expected)
        {
            if (Peek != expected || AtEnd)
            {
                return false;
            }

            _position++;
            return true;
        }

        public bool TakeWord(string word)
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) != 0)
            {
                return false;
            }

            var end = _position + word.Length;
            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                return false;
            }

            _position = end;
            return true;
        }

        // Python's whitespace between tokens; inside the brackets line ends and a backslash continuation are too.
        public void SkipSpace()
        {
            while (!AtEnd)
            {
                if (Peek is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    _position++;
                }
                else if (Peek == '\\' && _position + 1 < text.Length && text[_position + 1] == '\n')
                {
                    _position += 2;
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>One string literal or several adjacent ones, joined as Python joins them.</summary>
        public string? ReadStrings(out string? problem)
        {
            var value = new StringBuilder();
            if (!ReadString(value, out problem))
            {
                return null;
            }

            while (true)
            {
                var save = _position;
                SkipSpace();
                if (!StartsString())
                {
                    _position = save;
                    return value.ToString();
                }

                if (!ReadString(value, out problem))
                {
                    return null;
                }
            }
        }

        private bool StartsString()
        {
            var at = _position;
            while (at < text.Length && at - _position < 2 && char.IsAsciiLetter(text[at]))
            {
                at++;
            }

            return at < text.Length && text[at] is '\'' or '"';
        }

        private bool ReadString(StringBuilder value, out string? problem)
        {
            var start = Column;
            var raw = false;
            var prefixStart = _position;
            while (!AtEnd && char.IsAsciiLetter(Peek))
            {
                _position++;
            }

            var prefix = text[prefixStart.._position];
            switch (prefix.ToLowerInvariant())
            {
                case "":
                case "u":
                    break;
                case "r":
                    raw = true;
                    break;
                case "b" or "br" or "rb":
                    problem = $"has a bytes literal at {start}, not a string";
                    return false;
                case "f" or "fr" or "rf":
                    problem = $"has a formatted string literal at {start}, which is evaluated, not a plain string";
                    return false;
                default:
                    problem = $"expects a string literal at {start}";
                    return false;
            }

            if (Peek is not ('\'' or '"'))
            {
                problem = $"expects a string literal at {start}";
                return false;
            }

            var quote = Peek;
            var triple = _position + 2 < text.Length && text[_position + 1] == quote && text[_position + 2] == quote;
            _position += triple ? 3 : 1;
            while (true)
            {
                if (AtEnd)
                {
                    problem = $"has a string literal at {start} that does not end";
                    return false;
                }

                var character = text[_position];
                if (character == quote && (!triple || (_position + 2 < text.Length && text[_position + 1] == quote && text[_position + 2] == quote)))
                {
                    _position += triple ? 3 : 1;
                    problem = null;
                    return true;
                }

                if (character is '\n' or '\r' && !triple)
                {
                    problem = $"has a line end inside the string literal at {start}";
                    return false;
                }

                if (character == '\\')
                {
                    if (!ReadEscape(value, raw, out problem))
                    {
                        return false;
                    }

                    continue;
                }

                if (char.IsSurrogate(character) && !(char.IsHighSurrogate(character) && _position + 1 < text.Length && char.IsLowSurrogate(text[_position + 1])))
                {
                    problem = $"has an unpaired surrogate in the string literal at {start}";
                    return false;
                }

                value.Append(character);
                if (char.IsHighSurrogate(character))
                {
                    value.Append(text[++_position]);
                }

                _position++;
            }
        }

        private bool ReadEscape(StringBuilder value, bool raw, out string? problem)
        {
            var at = Column;
            _position++;
            if (AtEnd)
            {
                problem = $"has a string literal that ends in a backslash at {at}";
                return false;
            }

            var escaped = text[_position++];
            problem = null;
            if (raw)
            {
                // A raw literal keeps the backslash; it only stops the quote after it from ending the literal.
                value.Append('\\').Append(escaped);
                return true;
            }

            switch (escaped)
            {
                case '\n': return true;
                case '\\': value.Append('\\'); return true;
                case '\'': value.Append('\''); return true;
                case '"': value.Append('"'); return true;
                case 'a': value.Append('\a'); return true;
                case 'b': value.Append('\b'); return true;
                case 'f': value.Append('\f'); return true;
                case 'n': value.Append('\n'); return true;
                case 'r': value.Append('\r'); return true;
                case 't': value.Append('\t'); return true;
                case 'v': value.Append('\v'); return true;
                case 'x': return ReadCodePoint(value, 2, at, out problem);
                case 'u': return ReadCodePoint(value, 4, at, out problem);
                case 'U': return ReadCodePoint(value, 8, at, out problem);
                case 'N':
                    problem = $"has a named escape \\N{{...}} at {at}, which is not read here";
                    return false;
                case >= '0' and <= '7':
                    var code = escaped - '0';
                    for (var digits = 1; digits < 3 && Peek is >= '0' and <= '7' && !AtEnd; digits++)
                    {
                        code = (code * 8) + (text[_position++] - '0');
                    }

                    value.Append((char)code);
                    return true;
                default:
                    // Python keeps an unknown escape as it is written.
                    value.Append('\\').Append(escaped);
                    return true;
            }
        }

        private bool ReadCodePoint(StringBuilder value, int digits, int at, out string? problem)
        {
            if (_position + digits > text.Length
                || !int.TryParse(text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                problem = $"has a \\{text[_position - 1]} escape at {at} without its {digits} hex digits";
                return false;
            }

            _position += digits;
            if (code is < 0 or > 0x10FFFF)
            {
                problem = $"has an escape at {at} beyond the last unicode code point";
                return false;
            }

            if (code is >= 0xD800 and <= 0xDFFF)
            {
                problem = $"has an escape at {at} of a lone surrogate, which is no text";
                return false;
            }

            value.Append(char.ConvertFromUtf32(code));
            problem = null;
            return true;
        }
    }
}
