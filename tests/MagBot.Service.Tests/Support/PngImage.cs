using System.Buffers.Binary;
using System.IO.Compression;

namespace MagBot.Service.Tests.Support;

/// <summary>Reads the 8-bit RGBA PNGs that deployment/teams/png.mjs writes (unfiltered rows), to check icon pixels.</summary>
public sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    public static PngImage Read(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a })) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[9] != 6) throw new InvalidDataException($"expected 8-bit RGBA, got depth {data[8]} colour type {data[9]}");
            }
            if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * 4 + 1);
            if (raw[row] != 0) throw new InvalidDataException($"row {y} uses PNG filter {raw[row]}; the icon script writes unfiltered rows");
            Array.Copy(raw, row + 1, rgba, y * width * 4, width * 4);
        }
        return new PngImage(width, height, rgba);
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < Rgba.Length; i += 4) yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }
}
