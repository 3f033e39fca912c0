using StatusKit.Notifications;
using StatusKit.Notifications.Sms;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

/// <summary>The text of an SMS notice (<see cref="SmsTextBuilder"/>), the segments it takes, and phone numbers.</summary>
public sealed class SmsTextTests
{
    private const string OptOut = "Reply STOP to unsubscribe.";

    [Fact]
    public void A_component_change_is_its_subject_and_the_link_in_one_segment()
    {
        var text = SmsTextBuilder.Build(Content() with { Subject = "[Acme Status] API: Major outage" }, OptOut);

        Assert.Equal("[Acme Status] API: Major outage\nhttps://status.acme.test/acme", text);
        Assert.Equal(1, SmsSegments.Count(text));
        Assert.DoesNotContain("STOP", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incident_update_adds_its_message_on_one_line()
    {
        var content = Content() with
        {
            Kind = NotificationKind.StatusIncidentUpdated,
            Subject = "[Acme Status] Identified: Database errors",
            Body = "We found the faulty replica\nand are failing over.\n\nAffected components: API",
            Link = "https://status.acme.test/acme/incidents/1",
        };

        Assert.Equal(
            "[Acme Status] Identified: Database errors\nWe found the faulty replica and are failing over.\nhttps://status.acme.test/acme/incidents/1",
            SmsTextBuilder.Build(content, OptOut));
    }

    [Fact]
    public void A_maintenance_notice_says_when_it_is()
    {
        var content = Content() with
        {
            Kind = NotificationKind.MaintenanceScheduled,
            Subject = "[Acme Status] Maintenance scheduled: Database upgrade",
            Body = "A long description of the upgrade.\n\nAffected components: API\n\nMon 12 Jan 2026, 02:00-04:00 UTC",
        };

        Assert.Equal(
            "[Acme Status] Maintenance scheduled: Database upgrade\nMon 12 Jan 2026, 02:00-04:00 UTC\nhttps://status.acme.test/acme",
            SmsTextBuilder.Build(content, OptOut));
    }

    [Fact]
    public void A_long_GSM_text_is_cut_to_two_segments_with_three_dots_and_keeps_its_link_whole()
    {
        var content = Content() with
        {
            Kind = NotificationKind.StatusIncidentCreated,
            Subject = "[Acme Status] New incident: " + new string('x', 400),
            Body = new string('y', 1000),
        };

        var text = SmsTextBuilder.Build(content, OptOut);

        Assert.True(SmsSegments.IsGsm7(text));
        Assert.Equal(2, SmsSegments.Count(text));
        Assert.EndsWith("...\nhttps://status.acme.test/acme", text, StringComparison.Ordinal);
        Assert.DoesNotContain("y", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_with_an_emoji_fits_two_UCS2_segments_and_is_never_cut_inside_a_surrogate_pair()
    {
        for (var pad = 0; pad < 4; pad++)
        {
            var content = Content() with
            {
                Kind = NotificationKind.StatusIncidentCreated,
                Subject = "[Acme Status] " + new string('a', pad) + string.Concat(Enumerable.Repeat("\U0001F525", 100)),
                Body = "Details.",
            };

            var text = SmsTextBuilder.Build(content, OptOut);

            Assert.False(SmsSegments.IsGsm7(text));
            Assert.True(text.Length <= 134, $"{text.Length} code units");
            var cut = text.IndexOf('\u2026', StringComparison.Ordinal);
            Assert.True(cut > 0 && !char.IsHighSurrogate(text[cut - 1]), text);
        }
    }

    [Fact]
    public void GSM_extension_characters_take_two_places_and_other_characters_make_the_text_UCS2()
    {
        Assert.Equal((true, 2), (SmsSegments.IsGsm7("\u20ac"), SmsSegments.Length("\u20ac")));
        Assert.Equal(1, SmsSegments.Count(new string('a', 160)));
        Assert.Equal(2, SmsSegments.Count(new string('a', 161)));
        Assert.Equal(2, SmsSegments.Count(new string('a', 159) + "\u20ac"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 70) + "\u00e7"));
        Assert.Equal(1, SmsSegments.Count(new string('a', 69) + "\u00e7"));
    }

    [Theory]
    [InlineData("es", "Confirme su suscripción a Acme Estado", "Responda STOP para darse de baja.", "Confirme su suscripcion a Acme Estado:")]
    [InlineData("fr", "Confirmez votre abonnement à Acme État", "Répondez STOP pour vous désabonner.", "Confirmez votre abonnement à Acme État")]
    public void A_confirmation_request_whose_words_are_beyond_GSM_7_still_fits_two_segments_with_its_link_whole(
        string language, string subject, string optOut, string start)
    {
        var link = "https://status.example.com/status/acme-estado/subscriptions/verify?token=" + new string('f', 64);
        var content = Content() with { Kind = NotificationKind.SubscriptionVerification, Subject = subject, Link = link, Language = language };

        var text = SmsTextBuilder.Build(content, optOut);

        Assert.True(SmsSegments.Count(text) <= 2, $"{SmsSegments.Count(text)} segments: {text}");
        Assert.Contains(link, text, StringComparison.Ordinal);
        Assert.StartsWith(start, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmation_request_without_a_public_address_gives_its_code_whole()
    {
        var token = new string('f', 64);
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification,
            Subject = "Confirm your subscription to Acme Status",
            Body = $"Confirm your subscription to Acme Status with this code: {token}",
            Link = null,
        };

        Assert.Equal($"Confirm your subscription to Acme Status with this code: {token}\n{OptOut}", SmsTextBuilder.Build(content, OptOut));
        Assert.Equal($"Confirm your subscription to Acme Status with this code: {token}", SmsTextBuilder.Build(content, string.Empty));
    }

    [Theory]
    [InlineData("+14155550123", "+14155550123")]
    [InlineData(" +1 (415) 555-0123 ", "+14155550123")]
    [InlineData("+44 20 7946.0958", "+442079460958")]
    [InlineData("+49 30 12345678", "+493012345678")]
    [InlineData("+39 02 1234 5678", "+390212345678")]
    [InlineData("+254 712 123456", "+254712123456")]
    [InlineData("+683 7290", "+6837290")]
    public void A_number_in_international_form_is_kept_in_E164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var number));
        Assert.Equal(expected, number);
    }

    [Fact]
    public void Every_countrys_example_mobile_number_is_taken_in_international_form()
    {
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var regions = util.GetSupportedRegions();

        Assert.True(regions.Count > 200);
        foreach (var region in regions)
        {
            var example = util.GetExampleNumberForType(region, PhoneNumbers.PhoneNumberType.MOBILE) ?? util.GetExampleNumber(region);
            var e164 = util.Format(example, PhoneNumbers.PhoneNumberFormat.E164);
            var written = util.Format(example, PhoneNumbers.PhoneNumberFormat.INTERNATIONAL);

            Assert.True(PhoneNumber.TryNormalize(written, out var number), $"{region}: {written}");
            Assert.Equal(e164, number);
        }
    }

    [Theory]
    [InlineData("+99999999999")]
    [InlineData("+123456789012345")]
    [InlineData("+1 555 123 4567")]
    [InlineData("+44 20 1234")]
    [InlineData("+49 999 1234567")]
    public void A_number_no_country_gives_out_is_refused_though_its_shape_is_international(string input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out _));
        Assert.True(PhoneNumber.IsStoredForm(input.Replace(" ", string.Empty, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("+14155550123", true)]
    [InlineData("+123456789012345", true)]
    [InlineData("+15551234567", true)]
    [InlineData("+6837290", true)]
    [InlineData("+1234567", false)]
    [InlineData("+1234567890123456", false)]
    [InlineData("+0123456789", false)]
    [InlineData("+1 415 555 0123", false)]
    [InlineData("14155550123", false)]
    [InlineData(null, false)]
    public void A_stored_number_is_sendable_when_it_is_E164_by_the_old_rule_or_a_valid_number(string? stored, bool expected)
    {
        Assert.Equal(expected, PhoneNumber.IsStoredForm(stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4155550123")]
    [InlineData("001 415 555 0123")]
    [InlineData("+1 415 555")]
    [InlineData("+1234567890123456")]
    [InlineData("+0 415 555 0123")]
    [InlineData("+1 415 555 0123 ext 4")]
    [InlineData("+1-415-555-0123/4")]
    [InlineData("+１４１５５５５０１２３")]
    [InlineData(null)]
    public void Anything_else_is_no_phone_number(string? input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out _));
    }

    [Theory]
    [InlineData("+14155550123", "\u20260123")]
    [InlineData("+1 415 555", "\u202655")]
    [InlineData("12", "\u2026")]
    public void A_number_is_masked_to_its_last_digits(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Mask(input));
    }
}
