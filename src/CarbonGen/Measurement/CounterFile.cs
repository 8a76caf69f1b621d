using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace CarbonGen.Measurement;

/// <summary>Why a counter file could not be opened.</summary>
internal enum OpenFailure
{
    None = 0,
    NotFound = 1,
    PermissionDenied = 2,
    Other = 3,
}

/// <summary>
/// A sysfs or procfs file holding one decimal counter (<c>energy_uj</c>, <c>energy1_input</c>), opened
/// once and read with <see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/> at offset 0:
/// about 1 µs a read instead of about 7 µs for open+read+close, and no allocation.
/// </summary>
internal sealed class CounterFile : IDisposable
{
    private SafeFileHandle? _handle;

    private CounterFile(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    internal string Path { get; }

    internal static CounterFile? TryOpen(string path, out OpenFailure failure, out string? error)
    {
        var handle = TryOpenHandle(path, out failure, out error);
        return handle is null ? null : new CounterFile(path, handle);
    }

    internal static SafeFileHandle? TryOpenHandle(string path, out OpenFailure failure, out string? error)
    {
        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            failure = OpenFailure.None;
            error = null;
            return handle;
        }
        catch (UnauthorizedAccessException e)
        {
            failure = OpenFailure.PermissionDenied;
            error = e.Message;
        }
        catch (FileNotFoundException e)
        {
            failure = OpenFailure.NotFound;
            error = e.Message;
        }
        catch (DirectoryNotFoundException e)
        {
            failure = OpenFailure.NotFound;
            error = e.Message;
        }
        catch (IOException e)
        {
            failure = OpenFailure.Other;
            error = e.Message;
        }

        return null;
    }

    /// <summary>Reads the counter. A failed read is retried once on a reopened handle (a sysfs node that was removed and recreated).</summary>
    /// <param name="value">The counter.</param>
    /// <param name="error">Why it could not be read: the file is gone or unreadable, or does not hold a decimal number.</param>
    internal bool TryRead(out ulong value, out string? error)
    {
        Span<byte> buffer = stackalloc byte[32];
        int length;
        try
        {
            length = ReadOnce(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _handle?.Dispose();
            _handle = TryOpenHandle(Path, out _, out var reopenError);
            if (_handle is null)
            {
                value = 0;
                error = $"{Path} can no longer be read ({e.Message}; reopening: {reopenError})";
                return false;
            }

            try
            {
                length = ReadOnce(buffer);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                value = 0;
                error = $"{Path} can no longer be read ({again.Message})";
                return false;
            }
        }

        if (!TryParseDecimal(buffer[..length], out value))
        {
            error = $"{Path} does not hold a counter (read '{Printable(buffer[..length])}')";
            return false;
        }

        error = null;
        return true;
    }

    private int ReadOnce(Span<byte> buffer)
    {
        if (_handle is null)
        {
            throw new ObjectDisposedException(Path);
        }

        return RandomAccess.Read(_handle, buffer, 0);
    }

    /// <summary>Parses ASCII digits followed by optional whitespace; anything else (empty, a sign, letters, overflow, a truncated read) fails.</summary>
    internal static bool TryParseDecimal(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        var i = 0;
        while (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9')
        {
            var digit = (ulong)(text[i] - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        var sawNewline = false;
        for (; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                sawNewline = true;
            }
            else if (text[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or 0))
            {
                return false;
            }
        }

        // A read that filled the whole buffer without a newline may have been cut: not a counter.
        return sawNewline || text.Length < 32;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[Math.Min(bytes.Length, 24)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = bytes[i] is >= 32 and < 127 ? (char)bytes[i] : '?';
        }

        return new string(chars) + (bytes.Length > chars.Length ? "..." : string.Empty);
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
    }
}
