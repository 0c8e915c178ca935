using AgentCore.Symbols;

namespace AgentCore.Tests.Symbols;

/// <summary>The snapshot checksum: streamed through the snapshot writer's buffer it equals the one-shot value, and it
/// changes with any flipped byte or truncation.</summary>
public sealed class SnapshotChecksumTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(65_536)]
    [InlineData(200_003)]
    public void Streamed_EqualsOneShot(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        using var stream = new MemoryStream();
        var output = new SnapshotOutput(stream);
        int at = 0;
        var random = new Random(1);
        while (at < length)
        {
            // Mixed writes, as the snapshot writer makes them: 4 and 8 bytes, and runs of bytes across the buffer's end.
            int n = Math.Min(length - at, random.Next(3) switch { 0 => 4, 1 => 8, _ => random.Next(1, 70_000) });
            if (n == 4)
            {
                output.WriteInt32(BitConverter.ToInt32(data, at));
            }
            else if (n == 8)
            {
                output.WriteInt64(BitConverter.ToInt64(data, at));
            }
            else
            {
                output.WriteBytes(data.AsSpan(at, n));
            }

            at += n;
        }

        (long written, ulong checksum) = output.Complete();
        Assert.Equal(length, written);
        Assert.Equal(data, stream.ToArray());
        Assert.Equal(SnapshotChecksum.Compute(data), checksum);
    }

    [Fact]
    public void FlippedByteOrTruncation_ChangesChecksum()
    {
        byte[] data = new byte[1000];
        new Random(5).NextBytes(data);
        ulong sum = SnapshotChecksum.Compute(data);
        var seen = new HashSet<ulong> { sum };
        for (int i = 0; i < data.Length; i += 37)
        {
            data[i] ^= 0x01;
            Assert.True(seen.Add(SnapshotChecksum.Compute(data)));
            data[i] ^= 0x01;
        }

        Assert.NotEqual(sum, SnapshotChecksum.Compute(data.AsSpan(0, 999)));
        Assert.NotEqual(SnapshotChecksum.Compute(new byte[64]), SnapshotChecksum.Compute(new byte[65]));
    }
}
