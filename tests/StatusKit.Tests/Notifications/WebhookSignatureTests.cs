using StatusKit.Notifications.Webhooks;

namespace StatusKit.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    // The test vector published with the Standard Webhooks specification (secret without its "whsec_" prefix).
    private const string VectorSecret = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string VectorTimestamp = "1614265330";
    private const string VectorBody = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Compute_MatchesTheStandardWebhooksTestVector() =>
        Assert.Equal(VectorSignature, WebhookSignature.Compute(VectorSecret, VectorId, VectorTimestamp, VectorBody));

    [Fact]
    public void Verify_AcceptsTheVector_AndRefusesAnyTampering()
    {
        Assert.True(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature));
        Assert.False(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody + " ", VectorSignature));
        Assert.False(WebhookSignature.Verify(VectorSecret, "msg_other", VectorTimestamp, VectorBody, VectorSignature));
        Assert.False(WebhookSignature.Verify(VectorSecret, VectorId, "1614265331", VectorBody, VectorSignature));
        Assert.False(WebhookSignature.Verify(WebhookSignature.GenerateSecret(), VectorId, VectorTimestamp, VectorBody, VectorSignature));
        Assert.False(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature.Replace("v1,", "v2,", StringComparison.Ordinal)));
        Assert.False(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody, "v1,not-base64"));
        Assert.False(WebhookSignature.Verify("short", VectorId, VectorTimestamp, VectorBody, VectorSignature));
    }

    [Fact]
    public void Verify_AcceptsTheVectorSecretInItsPublishedWhsecForm_AndComputeSignsWithIt()
    {
        // The Standard Webhooks vector as published: secret "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".
        const string publishedSecret = "whsec_" + VectorSecret;

        Assert.True(WebhookSignature.Verify(publishedSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature));
        Assert.Equal(VectorSignature, WebhookSignature.Compute(publishedSecret, VectorId, VectorTimestamp, VectorBody));
        Assert.False(WebhookSignature.Verify("whsec_", VectorId, VectorTimestamp, VectorBody, VectorSignature));
    }

    [Fact]
    public void Verify_AcceptsAnyOfSeveralSignatures_AsDuringASecretRotation() =>
        Assert.True(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody, "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + VectorSignature));

    [Fact]
    public void Verify_WithTolerance_RefusesOldAndFutureTimestamps()
    {
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature, sentAt.AddMinutes(5), tolerance));
        Assert.False(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature, sentAt.AddMinutes(5).AddSeconds(1), tolerance));
        Assert.False(WebhookSignature.Verify(VectorSecret, VectorId, VectorTimestamp, VectorBody, VectorSignature, sentAt.AddMinutes(-6), tolerance));
        Assert.False(WebhookSignature.Verify(VectorSecret, VectorId, "-1", VectorBody, VectorSignature, sentAt, tolerance));
    }

    [Fact]
    public void GenerateSecret_Returns32RandomBytesAsBase64()
    {
        var secrets = Enumerable.Range(0, 50).Select(_ => WebhookSignature.GenerateSecret()).ToList();

        Assert.All(secrets, s => Assert.Equal(32, Convert.FromBase64String(s).Length));
        Assert.All(secrets, s => Assert.True(WebhookSignature.IsValidSecret(s)));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Theory]
    [InlineData(23, false)]
    [InlineData(24, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void IsValidSecret_AcceptsOnly24To64Bytes(int length, bool valid) =>
        Assert.Equal(valid, WebhookSignature.IsValidSecret(Convert.ToBase64String(new byte[length])));

    [Fact]
    public void Compute_RefusesAnInvalidSecret() =>
        Assert.Throws<ArgumentException>(() => WebhookSignature.Compute("c2hvcnQ=", VectorId, VectorTimestamp, VectorBody));
}
